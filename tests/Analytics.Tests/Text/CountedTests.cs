using GraphReports.Analytics.Text;

namespace GraphReports.Analytics.Tests.Text;

public class CountedTests
{
    [Theory]
    [InlineData(0, "0 months")]
    [InlineData(1, "1 month")]
    [InlineData(2, "2 months")]
    [InlineData(12345, "12345 months")]
    public void A_count_takes_the_singular_only_for_one(long count, string expected) =>
        Assert.Equal(expected, Counted.Of(count, "month"));

    [Fact]
    public void An_irregular_plural_is_given() =>
        Assert.Equal("3 entries", Counted.Of(3, "entry", "entries"));
}
