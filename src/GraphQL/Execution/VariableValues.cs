using System.Text.Json;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Execution;

/// <summary>The specification's CoerceVariableValues, with graphql-js's messages.</summary>
public static class VariableValues
{
    private const int MaxErrors = 50;

    /// <summary>Coerces the request's variables for <paramref name="operation"/>; errors list every problem (values are then unusable).</summary>
    public static (IReadOnlyDictionary<string, object?> Values, IReadOnlyList<GraphQLError> Errors) Coerce(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        JsonElement? json)
    {
        var errors = new List<GraphQLError>();
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (json is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined and not JsonValueKind.Object })
        {
            errors.Add(new GraphQLError("Variables must be provided as a JSON object."));
            return (coerced, errors);
        }

        var inputs = json is { ValueKind: JsonValueKind.Object } element
            ? (IReadOnlyDictionary<string, object?>)JsonValues.ToClr(element)!
            : new Dictionary<string, object?>();

        foreach (var definition in operation.VariableDefinitions)
        {
            if (errors.Count >= MaxErrors)
            {
                errors.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."));
                break;
            }

            var name = definition.Variable.Name.Value;
            var type = TypeFromAst.Resolve(schema, definition.Type);
            var typeText = Printer.Print(definition.Type);
            if (type is null || !TypePredicates.IsInputType(type))
            {
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{typeText}\" which cannot be used as an input type.",
                    Locations(definition.Type)));
                continue;
            }

            if (!inputs.TryGetValue(name, out var input))
            {
                if (definition.DefaultValue is { } defaultLiteral)
                {
                    if (ValueFromAst.TryCoerce(defaultLiteral, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                }
                else if (type is GraphQLNonNull)
                {
                    errors.Add(new GraphQLError($"Variable \"${name}\" of required type \"{typeText}\" was not provided.", Locations(definition)));
                }

                continue;
            }

            if (input is null && type is GraphQLNonNull)
            {
                errors.Add(new GraphQLError($"Variable \"${name}\" of non-null type \"{typeText}\" must not be null.", Locations(definition)));
                continue;
            }

            coerced[name] = InputCoercion.Coerce(input, type, (path, invalid, error) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {Inspect.Value(invalid)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{InputCoercion.PrintPath(path)}\"";
                }

                errors.Add(new GraphQLError($"{prefix}; {error.Message}", Locations(definition), extensions: error.Extensions, innerException: error));
            });
        }

        return (coerced, errors);
    }

    internal static IReadOnlyList<SourceLocation>? Locations(Node node) => node.Location is { } location ? [location.StartLocation] : null;
}
