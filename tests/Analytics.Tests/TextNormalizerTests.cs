using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  Red \t Car  ", "red car")]
    [InlineData("RED CAR", "red car")]
    [InlineData("logo", "logo")]
    [InlineData("   ", "")]
    public void Free_texts_group_case_insensitively_with_white_space_collapsed(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeText(input));

    [Fact]
    public void Expressions_keep_their_case_but_lose_extra_white_space() =>
        Assert.Equal("tags:Logo AND format:PNG", TextNormalizer.NormalizeExpression("  tags:Logo   AND\nformat:PNG "));

    [Fact]
    public void Every_event_type_round_trips_through_its_wire_name()
    {
        foreach (var type in EventTypeNames.All)
        {
            Assert.True(EventTypeNames.TryParse(type.ToWire(), out var parsed));
            Assert.Equal(type, parsed);
        }
        Assert.Equal("collection.downloaded", EventType.CollectionDownloaded.ToWire());
        Assert.False(EventTypeNames.TryParse("Search", out _));
    }
}
