using GraphReports.GraphQL.Errors;

namespace GraphReports.GraphQL.Types;

/// <summary>
/// A leaf type whose values the server serializes and parses itself. <see cref="Serialize"/> is result
/// coercion (internal value to a JSON-ready value), <see cref="ParseValue"/> is input coercion of a
/// variable value (already turned from JSON into CLR values), <see cref="ParseLiteral"/> coerces a
/// literal written in the document. Each throws <see cref="GraphQLError"/> on a value it cannot represent.
/// </summary>
public sealed class GraphQLScalarType : GraphQLNamedType, IGraphQLLeafType
{
    public GraphQLScalarType(
        string name,
        string? description,
        Func<object, object?> serialize,
        Func<object, object?> parseValue,
        LiteralParser? parseLiteral = null,
        string? specifiedByUrl = null)
        : base(name, description)
    {
        SerializeFunc = serialize;
        ParseValueFunc = parseValue;
        ParseLiteralFunc = parseLiteral;
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <summary>URL of the scalar's specification, exposed as <c>specifiedByURL</c> and <c>@specifiedBy</c>.</summary>
    public string? SpecifiedByUrl { get; internal set; }

    public override TypeKind Kind => TypeKind.Scalar;

    internal Func<object, object?> SerializeFunc { get; set; }

    internal Func<object, object?> ParseValueFunc { get; set; }

    internal LiteralParser? ParseLiteralFunc { get; set; }

    /// <inheritdoc />
    public object? Serialize(object value) => SerializeFunc(value);

    /// <inheritdoc />
    public object? ParseValue(object value) => ParseValueFunc(value);

    /// <summary>
    /// Coerces a literal. Without a custom literal parser, the literal is turned into a plain value
    /// (variables substituted) and handed to <see cref="ParseValue"/>, as graphql-js does.
    /// </summary>
    public object? ParseLiteral(Language.ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (ParseLiteralFunc is not null)
        {
            return ParseLiteralFunc(literal, variables);
        }

        var plain = Utilities.ValueFromAstUntyped.Convert(literal, variables);
        return plain is null ? null : ParseValue(plain);
    }
}

/// <summary>Coerces a literal of the document (variables already coerced) into an internal value.</summary>
public delegate object? LiteralParser(Language.ValueNode literal, IReadOnlyDictionary<string, object?>? variables);

/// <summary>Scalars and enums: types whose values are leaves of a response.</summary>
public interface IGraphQLLeafType
{
    string Name { get; }

    /// <summary>Result coercion: internal value to a value a JSON writer can write.</summary>
    object? Serialize(object value);

    /// <summary>Input coercion of a variable's value (CLR form of JSON).</summary>
    object? ParseValue(object value);

    /// <summary>Input coercion of a literal.</summary>
    object? ParseLiteral(Language.ValueNode literal, IReadOnlyDictionary<string, object?>? variables);
}
