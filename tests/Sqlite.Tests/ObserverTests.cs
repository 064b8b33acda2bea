using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Tests;

/// <summary>
/// A rollup-like observer: counts inserted events per user in its own table, in the store's
/// transaction; can be told to fail on an event id, or to hold the writer until released.
/// </summary>
internal sealed class CountingObserver : IInsertObserver
{
    public string? FailOn { get; init; }
    public string? HoldOn { get; init; }
    public ManualResetEventSlim Holding { get; } = new();
    public ManualResetEventSlim Release { get; } = new();
    public List<long> RowIds { get; } = [];
    public int Commits { get; private set; }
    public int Rollbacks { get; private set; }

    /// <summary>How many events each committed transaction inserted, in commit order.</summary>
    public List<int> EventsPerCommit { get; } = [];
    private int _sinceCommit;

    public void Initialize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS test_user_count (user INTEGER PRIMARY KEY, n INTEGER NOT NULL)";
        command.ExecuteNonQuery();
    }

    public void OnInserted(SqliteConnection connection, SqliteTransaction transaction, in InsertedEvent inserted)
    {
        if (inserted.Event.Id == HoldOn) { Holding.Set(); Release.Wait(); }
        if (inserted.Event.Id == FailOn) throw new InvalidOperationException($"observer refuses {FailOn}");
        RowIds.Add(inserted.RowId);
        _sinceCommit++;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO test_user_count VALUES ($u, 1) ON CONFLICT (user) DO UPDATE SET n = n + 1";
        command.Parameters.AddWithValue("$u", inserted.Keys.User!.Value);
        command.ExecuteNonQuery();
    }

    public void OnCommitting(SqliteConnection connection, SqliteTransaction transaction)
    {
        Commits++;
        EventsPerCommit.Add(_sinceCommit);
        _sinceCommit = 0;
    }

    public void OnRolledBack()
    {
        Rollbacks++;
        _sinceCommit = 0;
    }
}

public class ObserverTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private long Scalar(SqliteEventStore store, string sql)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task The_observer_sees_each_inserted_event_once_and_never_a_duplicate()
    {
        var observer = new CountingObserver();
        var store = _temp.Open(observer);
        await store.WriteAsync("acme", [TempStore.Search("e1", user: "alice"), TempStore.Search("e2", user: "alice"), TempStore.Search("e1", user: "bob")]);
        await store.WriteAsync("acme", [TempStore.Search("e2", user: "bob"), TempStore.Search("e3", user: "bob")]);

        Assert.Equal(3, observer.RowIds.Count);
        Assert.Equal(3, observer.RowIds.Distinct().Count());
        Assert.Equal(2, Scalar(store, "SELECT n FROM test_user_count WHERE user = (SELECT id FROM text_value WHERE value = 'alice')"));
        Assert.Equal(1, Scalar(store, "SELECT n FROM test_user_count WHERE user = (SELECT id FROM text_value WHERE value = 'bob')"));
        Assert.Equal(Scalar(store, "SELECT max(id) FROM event"), observer.RowIds.Max());
    }

    [Fact]
    public async Task A_failing_batch_fails_alone_while_the_batches_committed_with_it_succeed()
    {
        var observer = new CountingObserver { FailOn = "poison", HoldOn = "gate" };
        var store = _temp.Open(observer);

        // Hold the writer inside a first transaction, queue three batches behind it so that they
        // share the next transaction, then let go.
        var gate = store.WriteAsync("acme", [TempStore.Search("gate")]);
        Assert.True(observer.Holding.Wait(TimeSpan.FromSeconds(30)));
        var good1 = store.WriteAsync("acme", [TempStore.Search("g1", user: "carol"), TempStore.Search("g2", user: "carol")]);
        var bad = store.WriteAsync("acme", [TempStore.Search("b1", user: "dave"), TempStore.Search("poison", user: "dave")]);
        var good2 = store.WriteAsync("globex", [TempStore.Search("g3", user: "erin")]);
        observer.Release.Set();

        await gate;
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Inserted], await good1);
        Assert.Equal([WriteOutcome.Inserted], await good2);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("observer refuses poison", error.Message);

        Assert.Equal(3, store.Reader.CountEvents("acme")); // gate, g1, g2; nothing of the failed batch
        Assert.Equal(1, store.Reader.CountEvents("globex"));
        Assert.Equal(0, Scalar(store, "SELECT count(*) FROM test_user_count WHERE user = (SELECT id FROM text_value WHERE value = 'dave')"));
        Assert.Equal(2, Scalar(store, "SELECT n FROM test_user_count WHERE user = (SELECT id FROM text_value WHERE value = 'carol')"));
        Assert.True(observer.Rollbacks >= 2); // the shared transaction, then the failed batch alone
    }

    [Fact]
    public async Task Strings_interned_in_a_rolled_back_transaction_are_interned_again_later()
    {
        var observer = new CountingObserver { FailOn = "poison" };
        var store = _temp.Open(observer);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("acme", [TempStore.Search("e1", user: "zoe"), TempStore.Search("poison")]));
        await store.WriteAsync("acme", [TempStore.Search("e2", user: "zoe", text: "boat")]);

        var stored = Assert.Single(store.Reader.ReadEvents("acme"));
        Assert.Equal("zoe", stored.User);
        Assert.Equal("boat", stored.Search!.Text);
    }

    [Fact]
    public async Task An_asset_first_seen_in_a_rolled_back_transaction_is_recorded_when_it_comes_again()
    {
        var observer = new CountingObserver { FailOn = "poison" };
        var store = _temp.Open(observer);
        ActivityEvent Rated(string id) => new()
        {
            Id = id, Type = EventType.AssetRated, Timestamp = new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero),
            Asset = new AssetRef("a-9", "Nine.png", "brand", "image"), Rating = 3, User = "u",
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("acme", [Rated("e1"), Rated("poison")]));
        await store.WriteAsync("acme", [Rated("e2")]);

        Assert.Equal(1, Scalar(store, """
            SELECT count(*) FROM asset a JOIN text_value i ON i.id = a.asset JOIN text_value n ON n.id = a.name
            WHERE i.value = 'a-9' AND n.value = 'Nine.png' AND a.folder = 'brand'
            """));
    }

    [Fact]
    public async Task Assets_and_collections_keep_their_latest_name_and_folder_by_event_time()
    {
        var store = _temp.Open();
        ActivityEvent Used(string id, int day, string? name, string? folder) => new()
        {
            Id = id, Type = EventType.AssetUsed, Timestamp = new DateTimeOffset(2026, 10, day, 0, 0, 0, TimeSpan.Zero),
            Asset = new AssetRef("a-1", name, folder), Channel = UsageChannel.Email,
        };
        await store.WriteAsync("acme", [Used("e1", 2, "Old", "brand"), Used("e2", 5, "New", "brand/logos"), Used("e3", 3, "Late", "archive"), Used("e4", 6, null, null)]);

        Assert.Equal(1, Scalar(store, "SELECT count(*) FROM asset"));
        Assert.Equal(1, Scalar(store, """
            SELECT count(*) FROM asset a JOIN text_value n ON n.id = a.name
            WHERE n.value = 'New' AND (a.folder = 'brand' OR a.folder >= 'brand/' AND a.folder < 'brand0')
            """));
    }
}
