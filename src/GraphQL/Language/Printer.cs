using System.Globalization;
using System.Text;

namespace GraphReports.GraphQL.Language;

/// <summary>
/// Prints syntax trees as GraphQL text in graphql-js's printer format: two-space indentation,
/// one selection per line, arguments wrapped onto their own lines when a field line passes 80
/// characters, descriptions on the line before what they describe.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints any node (a whole document, a value, a type reference...).</summary>
    public static string Print(Node node) => node switch
    {
        NameNode n => n.Value,
        VariableNode n => "$" + n.Name.Value,
        DocumentNode n => Join(n.Definitions, "\n\n"),
        OperationDefinitionNode n => PrintOperation(n),
        VariableDefinitionNode n =>
            Description(n.Description) + Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOrEmpty(n.DefaultValue)) + Wrap(" ", Join(n.Directives, " ")),
        SelectionSetNode n => Block(n.Selections),
        FieldNode n => PrintField(n),
        ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
        FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Join(n.Directives, " ")),
        InlineFragmentNode n => Join(" ", "...", Wrap("on ", PrintOrEmpty(n.TypeCondition)), Join(n.Directives, " "), Print(n.SelectionSet)),
        FragmentDefinitionNode n =>
            Description(n.Description) + "fragment " + n.Name.Value + Wrap("(", Join(n.VariableDefinitions, ", "), ")") + " on " + Print(n.TypeCondition) + " "
            + Wrap("", Join(n.Directives, " "), " ") + Print(n.SelectionSet),
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => "[" + Join(n.Values, ", ") + "]",
        ObjectValueNode n => "{" + Join(n.Fields, ", ") + "}",
        ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
        DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(n.Arguments, ", "), ")"),
        NamedTypeNode n => n.Name.Value,
        ListTypeNode n => "[" + Print(n.Type) + "]",
        NonNullTypeNode n => Print(n.Type) + "!",
        SchemaDefinitionNode n =>
            Description(n.Description) + Join(" ", "schema", Join(n.Directives, " "), Block(n.OperationTypes)),
        OperationTypeDefinitionNode n => n.Operation.Keyword() + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Description(n.Description) + Join(" ", "scalar", n.Name.Value, Join(n.Directives, " ")),
        ObjectTypeDefinitionNode n =>
            Description(n.Description) + Join(" ", "type", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")),
                Join(n.Directives, " "), Block(n.Fields)),
        FieldDefinitionNode n =>
            Description(n.Description) + n.Name.Value + ArgumentDefinitions(n.Arguments) + ": " + Print(n.Type)
            + Wrap(" ", Join(n.Directives, " ")),
        InputValueDefinitionNode n =>
            Description(n.Description) + Join(" ", n.Name.Value + ": " + Print(n.Type), Wrap("= ", PrintOrEmpty(n.DefaultValue)),
                Join(n.Directives, " ")),
        InterfaceTypeDefinitionNode n =>
            Description(n.Description) + Join(" ", "interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")),
                Join(n.Directives, " "), Block(n.Fields)),
        UnionTypeDefinitionNode n =>
            Description(n.Description) + Join(" ", "union", n.Name.Value, Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | "))),
        EnumTypeDefinitionNode n =>
            Description(n.Description) + Join(" ", "enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values)),
        EnumValueDefinitionNode n => Description(n.Description) + Join(" ", n.Name.Value, Join(n.Directives, " ")),
        InputObjectTypeDefinitionNode n =>
            Description(n.Description) + Join(" ", "input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields)),
        DirectiveDefinitionNode n =>
            Description(n.Description) + "directive @" + n.Name.Value + ArgumentDefinitions(n.Arguments)
            + (n.Repeatable ? " repeatable" : "") + " on " + Join(n.Locations, " | "),
        SchemaExtensionNode n => Join(" ", "extend schema", Join(n.Directives, " "), Block(n.OperationTypes)),
        ScalarTypeExtensionNode n => Join(" ", "extend scalar", n.Name.Value, Join(n.Directives, " ")),
        ObjectTypeExtensionNode n =>
            Join(" ", "extend type", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        InterfaceTypeExtensionNode n =>
            Join(" ", "extend interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "),
                Block(n.Fields)),
        UnionTypeExtensionNode n => Join(" ", "extend union", n.Name.Value, Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | "))),
        EnumTypeExtensionNode n => Join(" ", "extend enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values)),
        InputObjectTypeExtensionNode n => Join(" ", "extend input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields)),
        _ => throw new ArgumentException($"Cannot print node kind {node.Kind}.", nameof(node)),
    };

    /// <summary>A string as a quoted GraphQL string literal, escaping what must be escaped.</summary>
    public static string PrintString(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\b': result.Append("\\b"); break;
                case '\t': result.Append("\\t"); break;
                case '\n': result.Append("\\n"); break;
                case '\f': result.Append("\\f"); break;
                case '\r': result.Append("\\r"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }
                    break;
            }
        }
        return result.Append('"').ToString();
    }

    private static string PrintOrEmpty(Node? node) => node is null ? "" : Print(node);

    private static string PrintOperation(OperationDefinitionNode n)
    {
        // Variables with (multi-line) descriptions go one per line.
        var definitions = n.VariableDefinitions.Select(Print).ToList();
        string variables = definitions.Any(d => d.Contains('\n'))
            ? Wrap("(\n", string.Join("\n", definitions), "\n)")
            : Wrap("(", string.Join(", ", definitions), ")");
        string prefix = Description(n.Description)
            + Join(" ", n.Operation.Keyword(), Join("", n.Name?.Value, variables), Join(n.Directives, " "));
        // An anonymous query without variables or directives prints in the shorthand form.
        return (prefix == "query" ? "" : prefix + " ") + Print(n.SelectionSet);
    }

    private static string PrintField(FieldNode n)
    {
        string prefix = Wrap("", n.Alias?.Value, ": ") + n.Name.Value;
        string arguments = Join(n.Arguments, ", ");
        string argsLine = prefix.Length + arguments.Length + 2 > MaxLineLength
            ? prefix + Wrap("(\n", Indent(Join(n.Arguments, "\n")), "\n)")
            : prefix + Wrap("(", arguments, ")");
        return Join(" ", argsLine, Join(n.Directives, " "), PrintOrEmpty(n.SelectionSet));
    }

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(a => Print(a)).ToList();
        return printed.Any(p => p.Contains('\n'))
            ? Wrap("(\n", Indent(string.Join("\n", printed)), "\n)")
            : Wrap("(", string.Join(", ", printed.Where(p => p.Length > 0)), ")");
    }

    private static string Description(StringValueNode? description) => Wrap("", PrintOrEmpty(description), "\n");

    private static string Join<T>(IReadOnlyList<T> nodes, string separator) where T : Node
    {
        if (nodes.Count == 0)
        {
            return "";
        }
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            string printed = Print(node);
            if (printed.Length == 0)
            {
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }
            builder.Append(printed);
        }
        return builder.ToString();
    }

    // Joins the non-empty parts.
    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string Block<T>(IReadOnlyList<T> nodes) where T : Node => Wrap("{\n", Indent(Join(nodes, "\n")), "\n}");

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? "" : start + value + end;

    private static string Indent(string value) => Wrap("  ", value.Replace("\n", "\n  ", StringComparison.Ordinal));
}
