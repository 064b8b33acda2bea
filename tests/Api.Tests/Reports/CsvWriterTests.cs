using GraphReports.Api.Export;

namespace GraphReports.Api.Tests.Reports;

public class CsvWriterTests
{
    private static string Csv(IReadOnlyList<string> header, params object?[][] rows) => CsvWriter.ToCsv(header, rows);

    [Fact]
    public void Every_record_ends_with_CRLF_including_the_header()
    {
        Assert.Equal("month,value\r\n2026-01,3\r\n2026-02,0\r\n", Csv(["month", "value"], ["2026-01", 3], ["2026-02", 0]));
    }

    [Fact]
    public void A_table_without_rows_is_its_header_alone()
    {
        Assert.Equal("rank,text,count\r\n", Csv(["rank", "text", "count"]));
    }

    [Theory]
    [InlineData("red car", "red car")]
    [InlineData("red, blue", "\"red, blue\"")]
    [InlineData("say \"cheese\"", "\"say \"\"cheese\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("\"", "\"\"\"\"")]
    public void A_field_is_quoted_only_when_it_holds_a_comma_a_quote_or_a_line_break(string value, string field)
    {
        Assert.Equal($"text\r\n{field}\r\n", Csv(["text"], [value]));
    }

    [Fact]
    public void Null_is_an_empty_field_and_numbers_ignore_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            Assert.Equal("a,b,c,d\r\n,12.5,1234567,true\r\n", Csv(["a", "b", "c", "d"], [null, 12.5, 1234567, true]));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Non_ASCII_text_is_written_unchanged_for_UTF8_encoding()
    {
        Assert.Equal("text\r\nété 東京\r\n", Csv(["text"], ["été 東京"]));
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe_when_asked()
    {
        var csv = CsvWriter.ToCsv(["text", "count"], [["=HYPERLINK(\"http://x\")", 1], ["-red", -2], ["@sum", 3], ["plain", 4]], escapeFormulas: true);
        Assert.Equal("text,count\r\n\"'=HYPERLINK(\"\"http://x\"\")\",1\r\n'-red,-2\r\n'@sum,3\r\nplain,4\r\n", csv);
    }

    [Fact]
    public void Formula_like_text_is_kept_as_is_when_not_asked_to_escape()
    {
        Assert.Equal("text\r\n=1+1\r\n", Csv(["text"], ["=1+1"]));
    }

    [Fact]
    public void A_row_with_a_different_number_of_cells_than_the_header_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Csv(["month", "value"], ["2026-01"]));
        Assert.Contains("1 cells but the header has 2 columns", error.Message);
    }
}
