using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Execution;

/// <summary>The specification's CoerceArgumentValues for fields and directives, with graphql-js's messages.</summary>
public static class ArgumentValues
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>Coerced arguments of a field or directive; throws <see cref="GraphQLError"/> on the first invalid one.</summary>
    public static IReadOnlyDictionary<string, object?> Coerce(
        IReadOnlyList<GraphQLArgument> definitions,
        IReadOnlyList<ArgumentNode> nodes,
        IReadOnlyDictionary<string, object?> variables,
        Node owner)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            ArgumentNode? node = null;
            foreach (var candidate in nodes)
            {
                if (candidate.Name.Value == name)
                {
                    node = candidate;
                    break;
                }
            }

            if (node is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[name] = definition.DefaultValue;
                }
                else if (definition.Type is GraphQLNonNull)
                {
                    throw new GraphQLError($"Argument \"{name}\" of required type \"{definition.Type}\" was not provided.", VariableValues.Locations(owner));
                }

                continue;
            }

            var valueNode = node.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                if (!variables.TryGetValue(variable.Name.Value, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[name] = definition.DefaultValue;
                    }
                    else if (definition.Type is GraphQLNonNull)
                    {
                        throw new GraphQLError(
                            $"Argument \"{name}\" of required type \"{definition.Type}\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.",
                            VariableValues.Locations(valueNode));
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && definition.Type is GraphQLNonNull)
            {
                throw new GraphQLError($"Argument \"{name}\" of non-null type \"{definition.Type}\" must not be null.", VariableValues.Locations(valueNode));
            }

            if (!ValueFromAst.TryCoerce(valueNode, definition.Type, variables, out var value))
            {
                throw new GraphQLError($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", VariableValues.Locations(valueNode));
            }

            coerced[name] = value;
        }

        return coerced;
    }

    /// <summary>Whether <c>@skip</c>/<c>@include</c> on <paramref name="node"/> let it be part of the response.</summary>
    public static bool ShouldInclude(IHasDirectives node, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in node.Directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var definition = name == "skip" ? SpecifiedDirectives.Skip : SpecifiedDirectives.Include;
            var values = Coerce(definition.Arguments, directive.Arguments, variables, directive);
            var condition = values.TryGetValue("if", out var value) && value is true;
            if (name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }
}
