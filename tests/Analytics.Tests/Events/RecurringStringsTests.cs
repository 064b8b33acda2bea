using System.Text;
using System.Text.Json.Nodes;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Tests.Events;

/// <summary>
/// The reader decodes a recurring string value once (RecurringStrings) and parses a recurring page URL once
/// (KnownValidUrls): the same text and the same verdicts as decoding every value afresh.
/// </summary>
public class RecurringStringsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly EventJsonReader _reader = new(new FixedClock(Now));

    private static string Impression(string id, string visitor, string page, string assetName = "Logo") => new JsonObject
    {
        ["id"] = id,
        ["type"] = "asset.impression",
        ["timestamp"] = "2026-11-22T10:15:00Z",
        ["visitor"] = visitor,
        ["asset"] = new JsonObject { ["id"] = "a-1", ["name"] = assetName },
        ["page"] = page,
    }.ToJsonString();

    private EventReadResult Read(string json) => _reader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_value_that_recurs_is_the_same_string_and_the_event_id_is_decoded_afresh()
    {
        var first = Read(Impression("evt-1", "v-1", "https://example.com/a")).Event!;
        var second = Read(Impression("evt-1", "v-1", "https://example.com/a")).Event!;

        Assert.Same(first.Visitor, second.Visitor);
        Assert.Same(first.Asset!.Name, second.Asset!.Name);
        Assert.Same(first.Page, second.Page);
        Assert.Equal(first.Id, second.Id);
        Assert.NotSame(first.Id, second.Id);
    }

    [Fact]
    public void An_escaped_value_reads_the_same_text_as_the_plain_one()
    {
        var plain = Read(Impression("evt-1", "v-\u00e9t\u00e9", "https://example.com/a")).Event!;
        var escaped = Read("""{"id":"evt-2","type":"asset.impression","timestamp":"2026-11-22T10:15:00Z","visitor":"v-\u00e9t\u00e9","asset":{"id":"a-1"},"page":"https://example.com/a"}""").Event!;

        Assert.Equal("v-été", plain.Visitor);
        Assert.Equal("v-été", escaped.Visitor);
    }

    [Fact]
    public void Many_distinct_values_sharing_slots_each_keep_their_own_text()
    {
        // Far more values than the table has slots (16,384), twice over: every slot is shared and replaced.
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < 40_000; i++)
            {
                var e = Read(Impression($"evt-{i}", $"v-{i}", $"https://example.com/p/{i % 5_000}", assetName: $"name-{i % 20_000}")).Event!;
                Assert.Equal($"v-{i}", e.Visitor);
                Assert.Equal($"name-{i % 20_000}", e.Asset!.Name);
                Assert.Equal($"https://example.com/p/{i % 5_000}", e.Page);
            }
    }

    [Fact]
    public void A_page_found_valid_before_is_accepted_again_and_a_bad_page_is_still_refused()
    {
        Assert.True(Read(Impression("evt-1", "v-1", "https://example.com/a")).IsAccepted);
        Assert.True(Read(Impression("evt-2", "v-1", "https://example.com/a")).IsAccepted);

        var bad = Read(Impression("evt-3", "v-1", "ftp://example.com/a"));
        Assert.False(bad.IsAccepted);
        Assert.Equal("`page` must be an absolute http(s) URL, got \"ftp://example.com/a\"", bad.Error);
        // Refused again when it recurs: only valid pages are remembered.
        Assert.False(Read(Impression("evt-4", "v-1", "ftp://example.com/a")).IsAccepted);
    }
}
