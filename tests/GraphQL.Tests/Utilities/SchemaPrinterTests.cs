using GraphReports.GraphQL.Tests.StarWars;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Tests.Utilities;

/// <summary>
/// Our SDL printer against graphql-js 16's <c>printSchema</c>: the expected files were printed by graphql-js
/// (Utilities/Sdl/print-with-graphql-js.mjs, starwars/generate-expectations.mjs) and must match byte for byte.
/// </summary>
public sealed class SchemaPrinterTests
{
    [Theory]
    [InlineData("kitchen-sink.graphql")]
    [InlineData("defaults.graphql")]
    public void Schema_built_from_SDL_prints_as_graphql_js_prints_it(string file)
    {
        var sdl = RepositoryFiles.ReadText("tests", "GraphQL.Tests", "Utilities", "Sdl", file);
        var expected = RepositoryFiles.ReadText("tests", "GraphQL.Tests", "Utilities", "Sdl", "expected", file);

        var printed = SchemaPrinter.Print(SchemaBuilder.FromSdl(sdl));

        Assert.Equal(expected, printed);
    }

    [Fact]
    public void Printed_SDL_builds_the_same_schema_again()
    {
        var sdl = RepositoryFiles.ReadText("tests", "GraphQL.Tests", "Utilities", "Sdl", "kitchen-sink.graphql");
        var once = SchemaPrinter.Print(SchemaBuilder.FromSdl(sdl));

        var twice = SchemaPrinter.Print(SchemaBuilder.FromSdl(once));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Code_first_Star_Wars_schema_prints_as_graphql_js_prints_its_own()
    {
        var expected = RepositoryFiles.ReadText("tests", "conformance", "starwars", "schema.graphql");

        Assert.Equal(expected, SchemaPrinter.Print(StarWarsSchema.Schema));
    }

    [Fact]
    public void Schema_definition_is_omitted_when_roots_have_default_names()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int }\ntype Mutation { b: Int }");

        Assert.Equal("type Query {\n  a: Int\n}\n\ntype Mutation {\n  b: Int\n}", SchemaPrinter.Print(schema));
    }
}
