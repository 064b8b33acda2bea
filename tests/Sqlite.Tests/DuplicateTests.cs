using GraphReports.Analytics.Storage;

namespace GraphReports.Sqlite.Tests;

public class DuplicateTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Duplicate_id_within_one_batch_is_stored_once_and_the_first_wins()
    {
        var store = _temp.Open();
        var outcomes = await store.WriteAsync("acme", [
            TempStore.Search("e1", text: "first"), TempStore.Search("e2"), TempStore.Search("e1", text: "second")]);

        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Inserted, WriteOutcome.Duplicate], outcomes);
        Assert.Equal(2, store.Reader.CountEvents("acme"));
        Assert.Equal("first", store.Reader.ReadEvents("acme").Single(e => e.Id == "e1").Search!.Text);
    }

    [Fact]
    public async Task Duplicate_id_in_a_later_batch_is_ignored_even_if_its_content_differs()
    {
        var store = _temp.Open();
        await store.WriteAsync("acme", [TempStore.Search("e1", user: "alice")]);
        var later = await store.WriteAsync("acme", [TempStore.Download("e1"), TempStore.Search("e3")]);

        Assert.Equal([WriteOutcome.Duplicate, WriteOutcome.Inserted], later);
        var stored = store.Reader.ReadEvents("acme").ToList();
        Assert.Equal(["e1", "e3"], stored.Select(e => e.Id));
        Assert.Equal("alice", stored[0].User);
        Assert.Null(stored[0].Download);
    }

    [Fact]
    public async Task The_same_id_in_two_environments_is_two_events()
    {
        var store = _temp.Open();
        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("acme", [TempStore.Search("e1")]));
        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("globex", [TempStore.Search("e1")]));
        Assert.Equal(1, store.Reader.CountEvents("acme"));
        Assert.Equal(1, store.Reader.CountEvents("globex"));
        Assert.Equal(["acme", "globex"], store.Reader.EnvironmentIds());
    }

    [Fact]
    public async Task Duplicates_are_recognised_after_a_reopen()
    {
        using (var first = SqliteEventStore.Open(_temp.Options))
            await first.WriteAsync("acme", [TempStore.Search("e1")]);
        var again = _temp.Open();
        Assert.Equal([WriteOutcome.Duplicate], await again.WriteAsync("acme", [TempStore.Search("e1")]));
    }
}
