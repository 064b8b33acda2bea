using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Tests.Language;

public class BlockStringTests
{
    [Theory]
    [InlineData(new[] { "", "    Hello,", "      World!", "", "    Yours,", "      GraphQL." }, "Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData(new[] { "", "", "    Hello,", "      World!", "", "    Yours,", "      GraphQL.", "", "" }, "Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData(new[] { "    Hello,", "      World!", "", "    Yours,", "      GraphQL." }, "    Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData(new[] { "", "  \t  ", "    Hello,", "", "" }, "Hello,")]
    [InlineData(new[] { "", "      Hello,", "    World!", "" }, "  Hello,\nWorld!")]
    [InlineData(new[] { "", "    Hello,", "      ", "    World!" }, "Hello,\n  \nWorld!")]
    [InlineData(new[] { "  ", "  " }, "")]
    [InlineData(new[] { "a", "\t b" }, "a\nb")]
    public void Dedent_removes_common_indentation_and_blank_edge_lines(string[] lines, string value)
    {
        Assert.Equal(value, BlockString.DedentLines(lines));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("one liner", "\"\"\"one liner\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    [InlineData("\tleading tab", "\"\"\"\tleading tab\"\"\"")]
    [InlineData("trailing \"", "\"\"\"\ntrailing \"\n\"\"\"")]
    [InlineData("trailing \\", "\"\"\"\ntrailing \\\n\"\"\"")]
    [InlineData("has \"\"\" triple", "\"\"\"has \\\"\"\" triple\"\"\"")]
    [InlineData("ends with \"\"\"", "\"\"\"\nends with \\\"\"\"\n\"\"\"")]
    [InlineData("multi\nline", "\"\"\"\nmulti\nline\n\"\"\"")]
    [InlineData("multi\n  indented\n  lines", "\"\"\"\nmulti\n  indented\n  lines\n\"\"\"")]
    [InlineData("first\n\tsecond", "\"\"\"\nfirst\n\tsecond\n\"\"\"")]
    public void Print_chooses_single_or_multiple_lines_as_graphql_js_does(string value, string printed)
    {
        Assert.Equal(printed, BlockString.Print(value));
    }

    [Fact]
    public void Long_single_lines_print_on_their_own_line()
    {
        string value = new('a', 71);
        Assert.Equal("\"\"\"\n" + value + "\n\"\"\"", BlockString.Print(value));
        Assert.Equal("\"\"\"" + value + "\"\"\"", BlockString.Print(value, minimize: true));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("  indented first\nnext")]
    [InlineData("a\n  b\n\nc")]
    [InlineData("ends with \"")]
    [InlineData("has \"\"\" inside")]
    [InlineData("\n\nleading blank lines are lost anyway")]
    public void Printed_block_strings_read_back_to_the_same_value(string value)
    {
        var token = new Lexer(new Source(BlockString.Print(value))).Advance();
        Assert.Equal(value.TrimStart('\n'), token.Value);
    }
}
