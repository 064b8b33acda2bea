using System.Text;
using GraphReports.Analytics.Events;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary>
/// The writer binds text through raw SQLite handles: an empty string must be stored as '' (a value),
/// never as NULL (no value), or a root folder would read back as "no folder".
/// </summary>
public class EmptyTextRoundTripTests : IDisposable
{
    private readonly TempStore _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_asset_in_the_root_folder_reads_back_with_folder_empty_not_null()
    {
        // The validator accepts "" as the root folder.
        var read = new EventJsonReader(TimeProvider.System).Read(Encoding.UTF8.GetBytes(
            """{"id":"e1","type":"asset.used","timestamp":"2026-10-05T09:00:00Z","asset":{"id":"a-1","name":"Logo.png","folder":""},"channel":"email"}"""));
        Assert.True(read.IsAccepted, read.Error);
        Assert.Equal("", read.Event!.Asset!.Folder);
        var store = _files.Open();

        await store.WriteAsync("acme", [read.Event]);

        var stored = Assert.Single(store.Reader.ReadEvents("acme"));
        Assert.Equal("", stored.Asset!.Folder);
        Assert.Equal("Logo.png", stored.Asset.Name);
        Assert.Equal(1, Scalar(store, "SELECT count(*) FROM event WHERE asset_folder = (SELECT id FROM text_value WHERE value = '')"));
        Assert.Equal(1, Scalar(store, "SELECT count(*) FROM asset WHERE folder = ''"));
    }

    [Fact]
    public async Task Empty_strings_in_other_text_fields_read_back_as_empty_and_absent_ones_as_null()
    {
        var store = _files.Open();
        var sent = new ActivityEvent
        {
            Id = "e1", Type = EventType.Search, Timestamp = Utc2026(10, 5), User = "u-1", Session = "s-1", Page = "",
            Search = new SearchDetails(SearchKind.Text, ""),
        };
        var plain = Search("e2", Utc2026(10, 5));

        await store.WriteAsync("acme", [sent, plain]);

        var stored = store.Reader.ReadEvents("acme").ToDictionary(e => e.Id);
        Assert.Equal("", stored["e1"].Page);
        Assert.Equal("", stored["e1"].Search!.Text);
        Assert.Null(stored["e2"].Page);
        Assert.Null(stored["e2"].Asset);
        // "" is interned once, as a value.
        Assert.Equal(1, Scalar(store, "SELECT count(*) FROM text_value WHERE value = ''"));
        Assert.Equal(0, Scalar(store, "SELECT count(*) FROM text_value WHERE value IS NULL"));
    }

    [Fact]
    public async Task A_filter_with_an_empty_value_is_rolled_up_under_the_empty_value()
    {
        // The validator accepts an empty filter value (only the field must not be empty).
        var read = new EventJsonReader(TimeProvider.System).Read(Encoding.UTF8.GetBytes(
            """{"id":"e1","type":"search","timestamp":"2026-10-05T09:00:00Z","user":"u-1","session":"s-1","search":{"kind":"filters","filters":[{"field":"color","value":""}]}}"""));
        Assert.True(read.IsAccepted, read.Error);
        var store = OpenReporting(_files, Utc);
        await store.WriteAsync("acme", [read.Event!]);

        var totals = await GraphReports.Sqlite.Rollups.ReportRollups.BuildStaleAsync(store, Utc);

        Assert.Equal((1, 1L), (totals.Months, totals.Events));
        Assert.Equal("", Assert.Single(store.Reader.ReadEvents("acme")).Search!.Filters.Single().Value);
        Assert.Equal(["color\t\t1"], Rows(store, $"SELECT key, key2, events FROM report_rollup WHERE month = 202610 AND dim = {(int)GraphReports.Analytics.Queries.Dimension.FilterPair} AND type = 0"));
    }
}
