using System.Globalization;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Validation;

namespace GraphReports.GraphQL.Tests.Validation;

/// <summary>
/// The shared schema of the validation tests: graphql-js's validation harness schema, read from
/// tests/conformance/validation/schema.graphql (the schema the differential corpus uses too) and
/// built with the code-first <see cref="SchemaBuilder"/>.
/// </summary>
public static class Harness
{
    private static readonly Lazy<GraphQLSchema> LazySchema = new(() => BuildFromSdl(File.ReadAllText(Path.Combine(ConformanceDirectory, "schema.graphql"))));

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

    // Enough of "build schema from SDL" for test schemas: types, fields, arguments with simple
    // defaults, interfaces, unions, enums, input objects (@oneOf), directives, schema roots.
    public static GraphQLSchema BuildFromSdl(string sdl)
    {
        var document = Parser.Parse(sdl);
        var builder = new SchemaBuilder();
        string? query = "Query", mutation = null, subscription = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    query = RootName(schema, OperationType.Query);
                    mutation = RootName(schema, OperationType.Mutation);
                    subscription = RootName(schema, OperationType.Subscription);
                    break;
                case ObjectTypeDefinitionNode type:
                    builder.Object(type.Name.Value, b =>
                    {
                        b.Implements([.. type.Interfaces.Select(i => i.Name.Value)]);
                        foreach (var field in type.Fields)
                        {
                            b.Field(field.Name.Value, Printer.Print(field.Type), f => AddArguments(f, field.Arguments));
                        }
                    });
                    break;
                case InterfaceTypeDefinitionNode type:
                    builder.Interface(type.Name.Value, b =>
                    {
                        b.Implements([.. type.Interfaces.Select(i => i.Name.Value)]);
                        foreach (var field in type.Fields)
                        {
                            b.Field(field.Name.Value, Printer.Print(field.Type), f => AddArguments(f, field.Arguments));
                        }
                    });
                    break;
                case UnionTypeDefinitionNode type:
                    builder.Union(type.Name.Value, b => b.Types([.. type.Types.Select(t => t.Name.Value)]));
                    break;
                case EnumTypeDefinitionNode type:
                    builder.Enum(type.Name.Value, b =>
                    {
                        foreach (var value in type.Values)
                        {
                            b.Value(value.Name.Value, value.Name.Value);
                        }
                    });
                    break;
                case InputObjectTypeDefinitionNode type:
                    builder.InputObject(type.Name.Value, b =>
                    {
                        if (type.Directives.Any(d => d.Name.Value == "oneOf"))
                        {
                            b.OneOf();
                        }
                        foreach (var field in type.Fields)
                        {
                            b.Field(field.Name.Value, Printer.Print(field.Type), v => SetDefault(v, field.DefaultValue));
                        }
                    });
                    break;
                case ScalarTypeDefinitionNode type:
                    builder.Scalar(type.Name.Value, _ => { });
                    break;
                case DirectiveDefinitionNode directive:
                    builder.Directive(directive.Name.Value, b =>
                    {
                        b.Locations([.. directive.Locations.Select(l => DirectiveLocationNames.TryParse(l.Value, out var location) ? location : throw new ArgumentException(l.Value))]);
                        if (directive.Repeatable)
                        {
                            b.Repeatable();
                        }
                        foreach (var argument in directive.Arguments)
                        {
                            b.Argument(argument.Name.Value, Printer.Print(argument.Type), v => SetDefault(v, argument.DefaultValue));
                        }
                    });
                    break;
            }
        }
        return builder.Roots(query, mutation, subscription).Build();
    }

    private static string? RootName(SchemaDefinitionNode schema, OperationType operation) =>
        schema.OperationTypes.FirstOrDefault(o => o.Operation == operation)?.Type.Name.Value;

    private static void AddArguments(FieldBuilder field, IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        foreach (var argument in arguments)
        {
            field.Argument(argument.Name.Value, Printer.Print(argument.Type), v => SetDefault(v, argument.DefaultValue));
        }
    }

    private static void SetDefault(InputValueBuilder value, ValueNode? literal)
    {
        if (literal is null)
        {
            return;
        }
        value.DefaultValue(literal switch
        {
            IntValueNode i => int.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            BooleanValueNode b => b.Value,
            StringValueNode s => s.Value,
            EnumValueNode e => e.Value,
            _ => null,
        });
    }
}
