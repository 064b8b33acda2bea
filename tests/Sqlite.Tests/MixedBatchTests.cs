using System.Text;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;

namespace GraphReports.Sqlite.Tests;

public class MixedBatchTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_batch_mixing_good_and_bad_events_keeps_the_good_ones_and_names_the_bad_fields()
    {
        string[] lines =
        [
            """{"id":"e1","type":"search","timestamp":"2026-10-05T09:00:00+02:00","user":"u","session":"s","search":{"kind":"text","text":"car"}}""",
            """{"id":"e2","type":"search","timestamp":"2026-10-05T09:00:00","user":"u","session":"s","search":{"kind":"text"}}""",
            """{"id":"e3","type":"download","timestamp":"2026-10-05T09:01:00Z","user":"u","session":"s","asset":{"id":"a"},"download":{"bulk":"yes"}}""",
            """{"id":"e4","type":"asset.rated","timestamp":"2026-10-05T09:02:00Z","asset":{"id":"a"},"rating":4}""",
            """{"id":"e1","type":"asset.rated","timestamp":"2026-10-05T09:03:00Z","asset":{"id":"a"},"rating":1}""",
            """{"id":"e5","type":"search","timestamp":"2026-10-05T09:04:00Z","session":"s","search":{"kind":"text"}}""",
        ];
        var reader = new EventJsonReader(TimeProvider.System);
        var accepted = new List<ActivityEvent>();
        var rejected = new List<(int Index, string Error)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var result = reader.Read(Encoding.UTF8.GetBytes(lines[i]));
            if (result.IsAccepted) accepted.Add(result.Event!);
            else rejected.Add((i, result.Error!));
        }

        var store = _temp.Open();
        var outcomes = await store.WriteAsync("acme", accepted);

        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Inserted, WriteOutcome.Duplicate], outcomes);
        Assert.Equal([1, 2, 5], rejected.Select(r => r.Index));
        Assert.Contains("`timestamp` must carry a UTC offset", rejected[0].Error);
        Assert.Equal("`download.bulk` must be true or false, got the string \"yes\"", rejected[1].Error);
        Assert.Equal("`user` is required for events of type `search`", rejected[2].Error);
        Assert.Equal(2, store.Reader.CountEvents("acme"));
        Assert.Equal(EventType.Search, store.Reader.ReadEvents("acme").Single(e => e.Id == "e1").Type);
    }
}
