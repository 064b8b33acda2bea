using GraphReports.Analytics.Storage;
using GraphReports.Sqlite.Schema;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary>Dropping the secondary indexes of <c>event</c> for a bulk load, and getting them back.</summary>
public class SecondaryIndexTests : IDisposable
{
    private readonly TempStore _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string[] Both = ["event_env_asset_type_ts", "event_env_type_ts"];

    private static List<string> SecondaryIndexesPresent(SqliteEventStore store) =>
        Rows(store, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('event_env_type_ts', 'event_env_asset_type_ts') ORDER BY name");

    [Fact]
    public void A_new_store_has_both_secondary_indexes()
    {
        var store = _files.Open();
        Assert.Equal(Both, SecondaryIndexesPresent(store));
        Assert.Equal(Both, StoreSchema.SecondaryIndexes.Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dropped_indexes_still_leave_duplicates_recognised_and_come_back_when_created()
    {
        var store = _files.Open();
        await store.WriteAsync("acme", [TempStore.Search("e1"), TempStore.Download("e2")]);

        await store.DropSecondaryIndexesAsync();

        Assert.Empty(SecondaryIndexesPresent(store));
        Assert.Equal(1, Scalar(store, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_env_event_id'")); // the idempotency index stays
        Assert.Equal(
            [WriteOutcome.Duplicate, WriteOutcome.Inserted, WriteOutcome.Duplicate, WriteOutcome.Duplicate],
            await store.WriteAsync("acme", [TempStore.Search("e1"), TempStore.Download("e3"), TempStore.Download("e3"), TempStore.Download("e2")]));
        Assert.Equal(3, store.Reader.CountEvents("acme"));

        await store.CreateSecondaryIndexesAsync();

        Assert.Equal(Both, SecondaryIndexesPresent(store));
        // Built from the rows already there: the asset index holds the two downloads (its WHERE asset IS NOT NULL leaves the search out).
        Assert.Equal(2, Scalar(store, "SELECT count(*) FROM event INDEXED BY event_env_asset_type_ts WHERE env = 1 AND asset IS NOT NULL"));
        Assert.Equal(3, Scalar(store, "SELECT count(*) FROM event INDEXED BY event_env_type_ts WHERE env = 1 AND type > 0"));
    }

    [Fact]
    public async Task Creating_the_indexes_twice_is_harmless()
    {
        var store = _files.Open();
        await store.CreateSecondaryIndexesAsync();
        await store.CreateSecondaryIndexesAsync();
        Assert.Equal(Both, SecondaryIndexesPresent(store));
    }

    [Fact]
    public async Task Reopening_a_store_whose_indexes_were_dropped_builds_them_again()
    {
        using (var interrupted = SqliteEventStore.Open(_files.Options))
        {
            await interrupted.WriteAsync("acme", [TempStore.Search("e1")]);
            await interrupted.DropSecondaryIndexesAsync();
            Assert.Empty(SecondaryIndexesPresent(interrupted));
        } // as an import killed before it built them

        var store = _files.Open();

        Assert.Equal(Both, SecondaryIndexesPresent(store));
        Assert.Equal([WriteOutcome.Duplicate], await store.WriteAsync("acme", [TempStore.Search("e1")]));
    }
}
