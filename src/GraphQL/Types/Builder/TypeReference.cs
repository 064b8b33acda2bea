namespace GraphReports.GraphQL.Types;

/// <summary>
/// A type written as in SDL (<c>"[Episode!]!"</c>) or taken from a CLR type, resolved to a
/// <see cref="GraphQLType"/> when the schema is built.
/// </summary>
internal sealed record TypeReference(string? Text, Type? ClrType)
{
    public static TypeReference Parse(string text) => new(text, null);

    public static TypeReference FromClr(Type type) => new(null, type);

    public override string ToString() => Text ?? ClrType!.Name;

    /// <summary>Resolves the reference; names of named types go through <paramref name="lookup"/>.</summary>
    public GraphQLType Resolve(Func<string, GraphQLNamedType?> lookup, Func<Type, string?> clrEnumName)
    {
        if (Text is not null)
        {
            var position = 0;
            var type = ParseType(Text.Trim(), ref position, lookup);
            if (position != Text.Trim().Length)
            {
                throw new SchemaBuildException($"\"{Text}\" is not a type reference.");
            }

            return type;
        }

        return FromClrType(ClrType!, lookup, clrEnumName);
    }

    private static GraphQLType ParseType(string text, ref int position, Func<string, GraphQLNamedType?> lookup)
    {
        GraphQLType type;
        if (position < text.Length && text[position] == '[')
        {
            position++;
            var inner = ParseType(text, ref position, lookup);
            if (position >= text.Length || text[position] != ']')
            {
                throw new SchemaBuildException($"\"{text}\" is not a type reference: missing ']'.");
            }

            position++;
            type = new GraphQLList(inner);
        }
        else
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            var name = text[start..position];
            if (name.Length == 0)
            {
                throw new SchemaBuildException($"\"{text}\" is not a type reference.");
            }

            type = lookup(name) ?? throw new SchemaBuildException($"Unknown type \"{name}\".");
        }

        if (position < text.Length && text[position] == '!')
        {
            position++;
            type = new GraphQLNonNull(type);
        }

        return type;
    }

    private static GraphQLType FromClrType(Type clr, Func<string, GraphQLNamedType?> lookup, Func<Type, string?> clrEnumName)
    {
        var nullable = Nullable.GetUnderlyingType(clr);
        var isValueType = clr.IsValueType && nullable is null;
        var type = nullable ?? clr;
        GraphQLType named;
        if (type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault()
                ?? throw new SchemaBuildException($"Cannot map CLR type {clr.Name} to a GraphQL type.");
            return new GraphQLList(FromClrType(element, lookup, clrEnumName));
        }

        var name = type switch
        {
            _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => "Int",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "Float",
            _ when type == typeof(string) => "String",
            _ when type == typeof(bool) => "Boolean",
            _ when type == typeof(Guid) => "ID",
            _ when type.IsEnum => clrEnumName(type) ?? throw new SchemaBuildException($"The CLR enum {type.Name} is not mapped: add it with Enum<{type.Name}>()."),
            _ => throw new SchemaBuildException($"Cannot map CLR type {clr.Name} to a GraphQL type; give the type as text instead."),
        };
        named = lookup(name) ?? throw new SchemaBuildException($"Unknown type \"{name}\".");
        return isValueType ? new GraphQLNonNull(named) : named;
    }
}
