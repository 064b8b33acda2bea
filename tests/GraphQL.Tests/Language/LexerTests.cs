using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Tests.Language;

public partial class LexerTests
{
    private static Token LexOne(string body)
    {
        var lexer = new Lexer(new Source(body));
        return lexer.Advance();
    }

    private static List<Token> LexAll(string body)
    {
        var lexer = new Lexer(new Source(body));
        var tokens = new List<Token>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EndOfFile; token = lexer.Advance())
        {
            tokens.Add(token);
        }
        return tokens;
    }

    // Lone surrogates cannot live in attribute arguments, so tests write them as <D83D>.
    private static GraphQLError LexError(string body) =>
        Assert.Throws<GraphQLError>(() => LexAll(LoneSurrogate().Replace(body, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())));

    [System.Text.RegularExpressions.GeneratedRegex("<(D[89A-F][0-9A-F]{2})>")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogate();

    [Fact]
    public void Byte_order_mark_white_space_commas_and_comments_are_ignored()
    {
        var token = LexOne("\uFEFF ,\t# a comment\n  ,, foo");
        Assert.Equal(new Token(TokenKind.Name, 21, 24, 2, 6, "foo"), token);
    }

    [Fact]
    public void Lines_are_counted_for_lf_crlf_and_cr()
    {
        var tokens = LexAll("a\nb\r\nc\rd");
        Assert.Equal([(1, 1), (2, 1), (3, 1), (4, 1)], tokens.Select(t => (t.Line, t.Column)));
    }

    [Fact]
    public void Every_punctuator_is_a_token()
    {
        var kinds = LexAll("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);
        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread,
             TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL,
             TokenKind.Pipe, TokenKind.BraceR],
            kinds);
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E-4", TokenKind.Float)]
    [InlineData("-1.123e+4", TokenKind.Float)]
    [InlineData("1.5e10", TokenKind.Float)]
    public void Numbers_are_ints_or_floats_with_their_source_text(string text, TokenKind kind)
    {
        var token = LexOne(text);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(text, token.Value);
    }

    [Theory]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("+1", "Syntax Error: Unexpected character: \"+\".", 1, 1)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData(".123", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("1.A", "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 3)]
    [InlineData("-A", "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 2)]
    [InlineData("1.0e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 5)]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("0xF1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 4)]
    [InlineData("1_234", "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 2)]
    [InlineData("1\u00DF", "Syntax Error: Unexpected character: U+00DF.", 1, 2)]
    public void Malformed_numbers_are_reported_where_they_go_wrong(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unescaped unicode outside BMP \U0001F600\"", "unescaped unicode outside BMP \U0001F600")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP \U0001F600")]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \0")]
    [InlineData("\"string with maximal unicode escape \\u{10FFFF}\"", "string with maximal unicode escape \U0010FFFF")]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", "string with maximal minimal unicode escape \0")]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\"", "string with unicode surrogate pair escape \U0001F600")]
    [InlineData("\"string with unicode surrogate pair escape \\uD800\\uDC00\"", "string with unicode surrogate pair escape \U00010000")]
    [InlineData("\"string with unicode surrogate pair escape \\uDBFF\\uDFFF\"", "string with unicode surrogate pair escape \U0010FFFF")]
    public void Strings_are_unescaped(string text, string value)
    {
        var token = LexOne(text);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
        Assert.Equal(text.Length, token.End);
    }

    [Theory]
    [InlineData("\"", "Syntax Error: Unterminated string.", 1, 2)]
    [InlineData("\"\"\"", "Syntax Error: Unterminated string.", 1, 4)]
    [InlineData("\"no end quote", "Syntax Error: Unterminated string.", 1, 14)]
    [InlineData("'single quotes'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"bad surrogate <DEAD>\"", "Syntax Error: Invalid character within String: U+DEAD.", 1, 16)]
    [InlineData("\"multi\nline\"", "Syntax Error: Unterminated string.", 1, 7)]
    [InlineData("\"multi\rline\"", "Syntax Error: Unterminated string.", 1, 7)]
    [InlineData("\"bad \\z esc\"", "Syntax Error: Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\u0XX1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6)]
    [InlineData("\"bad \\u{} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"bad \\u{FFFF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6)]
    [InlineData("\"bad \\u{FFFF\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6)]
    [InlineData("\"too high \\u{110000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11)]
    [InlineData("\"way too high \\u{12345678} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15)]
    [InlineData("\"too long \\u{000000000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11)]
    [InlineData("\"bad surrogate \\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 16)]
    [InlineData("\"bad surrogate \\u{DEAD} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{DEAD}\".", 1, 16)]
    [InlineData("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39)]
    [InlineData("\"lone leading surrogate \\uD83D esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 25)]
    [InlineData("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26)]
    [InlineData("\"bad low surrogate pair \\uD800\\uD800 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 25)]
    public void Malformed_strings_are_reported_where_they_go_wrong(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Fact]
    public void Block_strings_drop_common_indentation_and_blank_edge_lines()
    {
        var token = LexOne("\"\"\"\n\n    spans\n      multiple\n    lines\n\n  \"\"\"");
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal("spans\n  multiple\nlines", token.Value);
    }

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"unescaped unicode outside BMP \U0001F600\"\"\"", "unescaped unicode outside BMP \U0001F600")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indent\n    second\"\"\"", "  first line keeps its indent\nsecond")]
    [InlineData("\"\"\"\t\n  \t \n\"\"\"", "")]
    public void Block_string_values_follow_the_specification(string text, string value)
    {
        var token = LexOne(text);
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Fact]
    public void Lines_after_a_block_string_are_counted()
    {
        var tokens = LexAll("\"\"\"a\nb\r\nc\"\"\" d\n e");
        Assert.Equal((3, 6), (tokens[1].Line, tokens[1].Column));
        Assert.Equal((4, 2), (tokens[2].Line, tokens[2].Column));
    }

    [Theory]
    [InlineData("\"\"\"", "Syntax Error: Unterminated string.", 1, 4)]
    [InlineData("\"\"\"no end quote", "Syntax Error: Unterminated string.", 1, 16)]
    [InlineData("\"\"\"contains invalid surrogate <DEAD>\"\"\"", "Syntax Error: Invalid character within String: U+DEAD.", 1, 31)]
    public void Malformed_block_strings_are_reported(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Theory]
    [InlineData("..", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("~", "Syntax Error: Unexpected character: \"~\".", 1, 1)]
    [InlineData("\x07", "Syntax Error: Unexpected character: U+0007.", 1, 1)]
    [InlineData("\u203B", "Syntax Error: Unexpected character: U+203B.", 1, 1)]
    [InlineData("\U0001F600", "Syntax Error: Unexpected character: U+1F600.", 1, 1)]
    [InlineData("<D83D>", "Syntax Error: Invalid character: U+D83D.", 1, 1)]
    [InlineData("<DE00>", "Syntax Error: Invalid character: U+DE00.", 1, 1)]
    [InlineData("\"", "Syntax Error: Unterminated string.", 1, 2)]
    [InlineData("# comment <DEAD>", "Syntax Error: Invalid character: U+DEAD.", 1, 11)]
    public void Unknown_characters_are_named_by_code_point(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    [Fact]
    public void Errors_report_the_line_and_column_of_the_offending_character()
    {
        var error = LexError("\n\n    ~\n");
        Assert.Equal([new SourceLocation(3, 5)], error.Locations);
    }

    [Fact]
    public void Lookahead_does_not_move_the_lexer()
    {
        var lexer = new Lexer(new Source("a b"));
        lexer.Advance();
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Token.Value);
        Assert.Equal("b", lexer.Advance().Value);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
    }

    [Theory]
    [InlineData(TokenKind.BraceL, "\"{\"")]
    [InlineData(TokenKind.Spread, "\"...\"")]
    [InlineData(TokenKind.Name, "Name")]
    [InlineData(TokenKind.EndOfFile, "<EOF>")]
    [InlineData(TokenKind.BlockString, "BlockString")]
    public void Token_kinds_are_described_as_graphql_js_describes_them(TokenKind kind, string description)
    {
        Assert.Equal(description, kind.Describe());
    }
}
