namespace GraphReports.GraphQL.Language;

/// <summary>The lexical tokens of GraphQL (the specification's punctuators, names, numbers, strings).</summary>
public enum TokenKind
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Comment,
}

/// <summary>How token kinds are named in messages, as graphql-js names them.</summary>
public static class TokenKindExtensions
{
    /// <summary>The kind as graphql-js prints it: punctuators quoted (<c>"{"</c>), others by name (<c>Name</c>, <c>&lt;EOF&gt;</c>).</summary>
    public static string Describe(this TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        TokenKind.Comment => "Comment",
        _ => "\"" + kind.Punctuator() + "\"",
    };

    /// <summary>The text of a punctuator token; empty for other kinds.</summary>
    public static string Punctuator(this TokenKind kind) => kind switch
    {
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Amp => "&",
        TokenKind.ParenL => "(",
        TokenKind.ParenR => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.At => "@",
        TokenKind.BracketL => "[",
        TokenKind.BracketR => "]",
        TokenKind.BraceL => "{",
        TokenKind.Pipe => "|",
        TokenKind.BraceR => "}",
        _ => "",
    };
}
