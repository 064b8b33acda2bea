namespace GraphReports.GraphQL.Language;

/// <summary>Limits and switches of the <see cref="Parser"/>. The defaults suit documents received from clients.</summary>
public sealed record ParserOptions
{
    /// <summary>The defaults: locations recorded, 15,000 tokens, nesting depth 200.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>When true, nodes carry no <see cref="Location"/> (slightly faster; errors from later stages then have no locations).</summary>
    public bool NoLocation { get; init; }

    /// <summary>
    /// Most tokens a document may hold (punctuators, names, values; ignored tokens do not count).
    /// A larger document is refused as soon as the limit is passed, before it is all read.
    /// </summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// Deepest nesting of selection sets, list and object values and list types. Bounds the
    /// parser's recursion so that a hostile document cannot exhaust the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 200;
}
