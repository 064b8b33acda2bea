using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>Field collection: @skip/@include, fragments, aliases and response order.</summary>
public sealed class SelectionTests
{
    private static readonly GraphQLSchema Schema = SchemaBuilder.FromSdl(
        "type Query { a: String b: String c: Int person: Person }\ntype Person { name: String age: Int }",
        new Dictionary<string, GraphReports.GraphQL.Execution.FieldResolver>
        {
            ["Query.a"] = _ => new("A"),
            ["Query.b"] = _ => new("B"),
            ["Query.c"] = _ => new(3),
            ["Query.person"] = _ => new(new Dictionary<string, object?> { ["name"] = "Ada", ["age"] = 36 }),
        });

    [Theory]
    [InlineData("{ a b @skip(if: true) }", """{"a":"A"}""")]
    [InlineData("{ a b @skip(if: false) }", """{"a":"A","b":"B"}""")]
    [InlineData("{ a b @include(if: false) }", """{"a":"A"}""")]
    [InlineData("{ a b @include(if: true) @skip(if: true) }", """{"a":"A"}""")]
    [InlineData("{ a ... @include(if: false) { b } }", """{"a":"A"}""")]
    [InlineData("{ a ...F @skip(if: true) } fragment F on Query { b }", """{"a":"A"}""")]
    public async Task Skip_and_include_decide_what_is_selected(string query, string expected)
    {
        var json = await Run.JsonAsync(Schema, query);

        Run.AssertJsonEqual(expected, json["data"]);
    }

    [Fact]
    public async Task Skip_takes_its_condition_from_a_variable()
    {
        var json = await Run.JsonAsync(Schema, "query($s: Boolean!) { a b @skip(if: $s) }", new { s = true });

        Run.AssertJsonEqual("""{"a":"A"}""", json["data"]);
    }

    [Fact]
    public async Task Fragments_merge_into_document_order_and_aliases_rename()
    {
        var json = await Run.JsonAsync(Schema, "{ c ...F first: a person { ... on Person { name } age } } fragment F on Query { b a }");

        Run.AssertJsonEqual("""{"c":3,"b":"B","a":"A","first":"A","person":{"name":"Ada","age":36}}""", json["data"]);
    }

    [Fact]
    public async Task Typename_names_the_runtime_type()
    {
        var json = await Run.JsonAsync(Schema, "{ __typename person { __typename } }");

        Run.AssertJsonEqual("""{"__typename":"Query","person":{"__typename":"Person"}}""", json["data"]);
    }
}

/// <summary>Enums declared in SDL accept CLR enum members from resolvers.</summary>
public sealed class SdlEnumSerializationTests
{
    private enum Episode
    {
        NewHope,
        Empire,
    }

    [Fact]
    public async Task Clr_enum_member_serializes_as_the_constant_case_value()
    {
        var schema = SchemaBuilder.FromSdl(
            "type Query { episode: Episode name: Episode }\nenum Episode { NEW_HOPE EMPIRE }",
            new Dictionary<string, GraphReports.GraphQL.Execution.FieldResolver> { ["Query.episode"] = _ => new(Episode.NewHope), ["Query.name"] = _ => new("EMPIRE") });

        var json = await Run.JsonAsync(schema, "{ episode name }");

        Run.AssertJsonEqual("""{"episode":"NEW_HOPE","name":"EMPIRE"}""", json["data"]);
    }
}
