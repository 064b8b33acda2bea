using System.Globalization;
using System.Text;

namespace GraphReports.GraphQL.Language;

/// <summary>
/// Turns a source into tokens on demand, one at a time, skipping ignored tokens (white space,
/// line terminators, commas, comments, byte order mark). Follows the specification's lexical
/// grammar and graphql-js's error messages.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private int _line = 1;
    private int _lineStart;
    private Token? _lookahead;

    public Lexer(Source source)
    {
        Source = source;
        _body = source.Body;
        Token = new Token(TokenKind.StartOfFile, 0, 0, 0, 0, null);
        LastToken = Token;
    }

    public Source Source { get; }

    /// <summary>The current token.</summary>
    public Token Token { get; private set; }

    /// <summary>The token before the current one (the end of the node being parsed).</summary>
    public Token LastToken { get; private set; }

    /// <summary>Moves to the next significant token and returns it.</summary>
    public Token Advance()
    {
        LastToken = Token;
        if (_lookahead is { } next)
        {
            _lookahead = null;
            Token = next;
        }
        else if (Token.Kind != TokenKind.EndOfFile)
        {
            Token = ReadNextToken(Token.End);
        }
        return Token;
    }

    /// <summary>The token after the current one, without moving.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.EndOfFile)
        {
            return Token;
        }
        return _lookahead ??= ReadNextToken(Token.End);
    }

    private Token Make(TokenKind kind, int start, int end, string? value = null) =>
        new(kind, start, end, _line, 1 + start - _lineStart, value);

    private Token ReadNextToken(int position)
    {
        string body = _body;
        int length = body.Length;
        while (position < length)
        {
            char code = body[position];
            switch (code)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += position + 1 < length && body[position + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!': return Make(TokenKind.Bang, position, position + 1);
                case '$': return Make(TokenKind.Dollar, position, position + 1);
                case '&': return Make(TokenKind.Amp, position, position + 1);
                case '(': return Make(TokenKind.ParenL, position, position + 1);
                case ')': return Make(TokenKind.ParenR, position, position + 1);
                case '.':
                    if (position + 2 < length && body[position + 1] == '.' && body[position + 2] == '.')
                    {
                        return Make(TokenKind.Spread, position, position + 3);
                    }
                    break;
                case ':': return Make(TokenKind.Colon, position, position + 1);
                case '=': return Make(TokenKind.Equals, position, position + 1);
                case '@': return Make(TokenKind.At, position, position + 1);
                case '[': return Make(TokenKind.BracketL, position, position + 1);
                case ']': return Make(TokenKind.BracketR, position, position + 1);
                case '{': return Make(TokenKind.BraceL, position, position + 1);
                case '|': return Make(TokenKind.Pipe, position, position + 1);
                case '}': return Make(TokenKind.BraceR, position, position + 1);
                case '"':
                    if (position + 2 < length && body[position + 1] == '"' && body[position + 2] == '"')
                    {
                        return ReadBlockString(position);
                    }
                    return ReadString(position);
            }

            if (IsDigit(code) || code == '-')
            {
                return ReadNumber(position, code);
            }
            if (IsNameStart(code))
            {
                return ReadName(position);
            }

            throw Error(position, code == '\''
                ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                    ? $"Unexpected character: {PrintCodePointAt(position)}."
                    : $"Invalid character: {PrintCodePointAt(position)}.");
        }
        return Make(TokenKind.EndOfFile, length, length);
    }

    // A comment runs to the end of the line; an invalid character ends it and is reported next.
    private int SkipComment(int start)
    {
        int position = start + 1;
        while (position < _body.Length)
        {
            char code = _body[position];
            if (code == '\n' || code == '\r')
            {
                break;
            }
            int length = SourceCharacterLength(position);
            if (length == 0)
            {
                break;
            }
            position += length;
        }
        return position;
    }

    private Token ReadName(int start)
    {
        int position = start + 1;
        while (position < _body.Length && IsNameContinue(_body[position]))
        {
            position++;
        }
        return Make(TokenKind.Name, start, position, _body.Substring(start, position - start));
    }

    // Numbers follow the grammar IntegerPart FractionalPart? ExponentPart? and may not be
    // followed by a '.' or a name start (so "1.2.3" and "0x1" are errors, not two tokens).
    private Token ReadNumber(int start, char first)
    {
        int position = start;
        int code = first;
        bool isFloat = false;
        if (code == '-')
        {
            code = CharAt(++position);
        }
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-')
            {
                code = CharAt(++position);
            }
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }
        return Make(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body.Substring(start, position - start));
    }

    private int ReadDigits(int start, int first)
    {
        if (!IsDigit(first))
        {
            throw Error(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        }
        int position = start + 1;
        while (IsDigit(CharAt(position)))
        {
            position++;
        }
        return position;
    }

    private Token ReadString(int start)
    {
        string body = _body;
        int position = start + 1;
        int chunkStart = position;
        StringBuilder? value = null;
        while (position < body.Length)
        {
            char code = body[position];
            if (code == '"')
            {
                string text = value is null
                    ? body.Substring(chunkStart, position - chunkStart)
                    : value.Append(body, chunkStart, position - chunkStart).ToString();
                return Make(TokenKind.String, start, position + 1, text);
            }
            if (code == '\\')
            {
                value ??= new StringBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                int size = CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{'
                        ? ReadVariableWidthUnicodeEscape(position, value)
                        : ReadFixedWidthUnicodeEscape(position, value)
                    : ReadEscapedCharacter(position, value);
                position += size;
                chunkStart = position;
                continue;
            }
            if (code == '\n' || code == '\r')
            {
                break;
            }
            position += StringCharacterLength(position);
        }
        throw Error(position, "Unterminated string.");
    }

    // \u{1F600}: one to six hex digits naming a Unicode scalar value.
    private int ReadVariableWidthUnicodeEscape(int position, StringBuilder value)
    {
        int point = 0;
        int size = 3;
        while (size < 12)
        {
            int code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }
                value.Append(char.ConvertFromUtf32(point));
                return size;
            }
            point = (point << 4) | HexValue(code);
            if (point < 0)
            {
                break;
            }
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
    }

    // \uXXXX, where a leading surrogate must be followed by \uXXXX holding its trailing surrogate.
    private int ReadFixedWidthUnicodeEscape(int position, StringBuilder value)
    {
        int code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }
        if (IsLeadingSurrogate(code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            int trailing = Read16BitHexCode(position + 8);
            if (IsTrailingSurrogate(trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
    }

    private int Read16BitHexCode(int position) =>
        (HexValue(CharAt(position)) << 12) | (HexValue(CharAt(position + 1)) << 8)
        | (HexValue(CharAt(position + 2)) << 4) | HexValue(CharAt(position + 3));

    private static int HexValue(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char? unescaped = CharAt(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (unescaped is null)
        {
            throw Error(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\".");
        }
        value.Append(unescaped.Value);
        return 2;
    }

    private Token ReadBlockString(int start)
    {
        string body = _body;
        int lineStart = _lineStart;
        int line = _line;
        int position = start + 3;
        int chunkStart = position;
        var currentLine = new StringBuilder();
        var lines = new List<string>();
        while (position < body.Length)
        {
            char code = body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                var token = Make(TokenKind.BlockString, start, position + 3, BlockString.DedentLines(lines));
                _line = line + lines.Count - 1;
                _lineStart = lineStart;
                return token;
            }
            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1; // keeps the """ and drops the backslash
                position += 4;
                continue;
            }
            if (code == '\n' || code == '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                lineStart = position;
                continue;
            }
            position += StringCharacterLength(position);
        }
        throw Error(position, "Unterminated string.");
    }

    // 1 for a Unicode scalar value, 2 for a surrogate pair, 0 for a lone surrogate.
    private int SourceCharacterLength(int position) =>
        IsUnicodeScalarValue(_body[position]) ? 1 : IsSupplementaryCodePoint(position) ? 2 : 0;

    // As SourceCharacterLength, for characters inside strings, where a lone surrogate is an error.
    private int StringCharacterLength(int position)
    {
        int length = SourceCharacterLength(position);
        return length > 0 ? length : throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
    }

    private int CharAt(int position) => position < _body.Length ? _body[position] : -1;

    private string Slice(int start, int end) => _body.Substring(start, Math.Min(end, _body.Length) - start);

    private Errors.GraphQLError Error(int position, string description) => SyntaxError.Create(Source, position, description);

    // Printable ASCII is shown quoted, anything else as U+XXXX (a full code point for surrogate pairs).
    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length)
        {
            return TokenKind.EndOfFile.Describe();
        }
        char code = _body[position];
        if (code >= 0x20 && code <= 0x7E)
        {
            return code == '"' ? "'\"'" : "\"" + code + "\"";
        }
        int point = IsSupplementaryCodePoint(position) ? char.ConvertToUtf32(code, _body[position + 1]) : code;
        return "U+" + point.ToString("X4", CultureInfo.InvariantCulture);
    }

    private bool IsSupplementaryCodePoint(int position) =>
        position + 1 < _body.Length && IsLeadingSurrogate(_body[position]) && IsTrailingSurrogate(_body[position + 1]);

    internal static bool IsDigit(int code) => code >= '0' && code <= '9';

    internal static bool IsNameStart(int code) => (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z') || code == '_';

    internal static bool IsNameContinue(int code) => IsNameStart(code) || IsDigit(code);

    private static bool IsUnicodeScalarValue(int code) => (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF);

    private static bool IsLeadingSurrogate(int code) => code >= 0xD800 && code <= 0xDBFF;

    private static bool IsTrailingSurrogate(int code) => code >= 0xDC00 && code <= 0xDFFF;
}
