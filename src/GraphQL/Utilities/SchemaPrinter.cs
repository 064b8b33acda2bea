using System.Text;
using GraphReports.GraphQL.Introspection;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Prints a schema as SDL exactly as graphql-js 16's <c>printSchema</c> does (same order, spacing, block-string
/// descriptions, default values, <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>; the schema definition only
/// when a description or a root with a non-default name requires it; no trailing newline).
/// </summary>
public static class SchemaPrinter
{
    public static string Print(GraphQLSchema schema)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        parts.AddRange(schema.Directives.Where(d => !SpecifiedDirectives.IsSpecifiedDirective(d)).Select(PrintDirective));
        parts.AddRange(schema.TypeMap.Values
            .Where(t => !BuiltInScalars.IsBuiltInScalar(t) && !IntrospectionTypes.IsIntrospectionType(t))
            .Select(PrintType));
        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(GraphQLSchema schema)
    {
        var commonNames = (schema.QueryType is null || schema.QueryType.Name == "Query")
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (schema.Description is null && commonNames)
        {
            return null;
        }

        var operations = new List<string>();
        if (schema.QueryType is { } query)
        {
            operations.Add($"  query: {query.Name}");
        }

        if (schema.MutationType is { } mutation)
        {
            operations.Add($"  mutation: {mutation.Name}");
        }

        if (schema.SubscriptionType is { } subscription)
        {
            operations.Add($"  subscription: {subscription.Name}");
        }

        return PrintDescription(schema.Description) + "schema {\n" + string.Join("\n", operations) + "\n}";
    }

    private static string PrintType(GraphQLNamedType type) => type switch
    {
        GraphQLScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedBy(scalar),
        GraphQLObjectType obj => PrintDescription(obj.Description) + "type " + obj.Name + PrintInterfaces(obj) + PrintFields(obj),
        GraphQLInterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintInterfaces(iface) + PrintFields(iface),
        GraphQLUnionType union => PrintDescription(union.Description) + "union " + union.Name
            + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : string.Empty),
        GraphQLEnumType enumType => PrintDescription(enumType.Description) + "enum " + enumType.Name
            + PrintBlock(enumType.Values.Select((v, i) => PrintDescription(v.Description, "  ", i == 0) + "  " + v.Name + PrintDeprecated(v.DeprecationReason))),
        GraphQLInputObjectType input => PrintDescription(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty)
            + PrintBlock(input.Fields.Values.Select((f, i) => PrintDescription(f.Description, "  ", i == 0) + "  " + PrintInputValue(f))),
        _ => throw new InvalidOperationException($"Unexpected type {type}."),
    };

    private static string PrintSpecifiedBy(GraphQLScalarType scalar) =>
        scalar.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {Printer.PrintString(url)})" : string.Empty;

    private static string PrintInterfaces(GraphQLFieldsType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string PrintFields(GraphQLFieldsType type) =>
        PrintBlock(type.Fields.Values.Select((f, i) =>
            PrintDescription(f.Description, "  ", i == 0) + "  " + f.Name + PrintArguments(f.Arguments, "  ") + ": " + f.Type + PrintDeprecated(f.DeprecationReason)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string PrintArguments(IReadOnlyList<GraphQLArgument> arguments, string indentation = "")
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", arguments.Select(PrintInputValue)) + ")";
        }

        return "(\n"
            + string.Join("\n", arguments.Select((a, i) => PrintDescription(a.Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(a)))
            + "\n" + indentation + ")";
    }

    private static string PrintInputValue(GraphQLInputValue value)
    {
        var declaration = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && AstFromValue.Convert(value.DefaultValue, value.Type) is { } literal)
        {
            declaration += " = " + Printer.Print(literal);
        }

        return declaration + PrintDeprecated(value.DeprecationReason);
    }

    private static string PrintDirective(GraphQLDirective directive) =>
        PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArguments(directive.Arguments)
        + PrintDeprecated(directive.DeprecationReason)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", directive.Locations.Select(l => l.Name()));

    private static string PrintDeprecated(string? reason) => reason switch
    {
        null => string.Empty,
        SpecifiedDirectives.DefaultDeprecationReason => " @deprecated",
        _ => $" @deprecated(reason: {Printer.PrintString(reason)})",
    };

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var literal = IsPrintableAsBlockString(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }

    /// <summary>Whether a description reads back unchanged from a block string (graphql-js's <c>isPrintableAsBlockString</c>).</summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case < '\t' or '\v' or '\f' or (> '\r' and < ' '):
                    return false;
                case '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }
}
