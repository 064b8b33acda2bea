using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Validation;

namespace GraphReports.GraphQL.Tests.Validation;

/// <summary>
/// The shared schema of the validation tests: graphql-js's validation harness schema, read from
/// tests/conformance/validation/schema.graphql (the schema the differential corpus uses too) and
/// built with <see cref="SchemaBuilder.FromSdl"/>.
/// </summary>
public static class Harness
{
    private static readonly Lazy<GraphQLSchema> LazySchema = new(() => SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(ConformanceDirectory, "schema.graphql"))));

    public static GraphQLSchema Schema => LazySchema.Value;

    /// <summary>tests/conformance/validation, found from the test assembly's location.</summary>
    public static string ConformanceDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GraphReports.sln")))
            {
                directory = directory.Parent;
            }
            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("GraphReports.sln not found"), "tests", "conformance", "validation");
        }
    }

    /// <summary>Validates <paramref name="query"/> against the harness schema with only <paramref name="rule"/>.</summary>
    public static IReadOnlyList<GraphQLError> Validate(ValidationRule rule, string query, GraphQLSchema? schema = null) =>
        DocumentValidator.Validate(schema ?? Schema, Parser.Parse(query), [rule]);

    /// <summary>Asserts that <paramref name="rule"/> finds nothing wrong with <paramref name="query"/>.</summary>
    public static void AssertValid(ValidationRule rule, string query, GraphQLSchema? schema = null) =>
        Assert.Empty(Describe(Validate(rule, query, schema)));

    /// <summary>Asserts the exact errors (message and "line:column" locations) <paramref name="rule"/> reports.</summary>
    public static void AssertErrors(ValidationRule rule, string query, params (string Message, string[] Locations)[] expected) =>
        Assert.Equal(
            expected.Select(e => e.Message + " @ " + string.Join(" ", e.Locations)),
            Describe(Validate(rule, query)));

    /// <summary>One expected error: its message and its locations written "line:column".</summary>
    public static (string Message, string[] Locations) Error(string message, params string[] locations) => (message, locations);

    public static IEnumerable<string> Describe(IEnumerable<GraphQLError> errors) =>
        errors.Select(e => e.Message + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}")));
}
