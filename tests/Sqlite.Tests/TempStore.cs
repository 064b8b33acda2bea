using GraphReports.Analytics.Events;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Tests;

/// <summary>A real store file in a fresh temporary folder, deleted with the folder on dispose.</summary>
public sealed class TempStore : IDisposable
{
    private readonly List<SqliteEventStore> _opened = [];

    public TempStore()
    {
        Folder = Directory.CreateTempSubdirectory("graphreports-store-").FullName;
        Options = new SqliteStoreOptions { Path = System.IO.Path.Combine(Folder, "events.db") };
    }

    public string Folder { get; }

    public SqliteStoreOptions Options { get; }

    public string Path => Options.Path;

    public SqliteEventStore Open(params IInsertObserver[] observers)
    {
        var store = SqliteEventStore.Open(Options, observers);
        _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened) store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    public static ActivityEvent Search(string id, string user = "u-1", string text = "red car", int minute = 0) => new()
    {
        Id = id,
        Type = EventType.Search,
        Timestamp = new DateTimeOffset(2026, 10, 5, 9, minute, 0, TimeSpan.FromHours(2)),
        User = user,
        Session = "s-" + user,
        Search = new SearchDetails(SearchKind.Text, text),
    };

    public static ActivityEvent Download(string id, string asset = "a-1", bool bulk = false) => new()
    {
        Id = id,
        Type = EventType.Download,
        Timestamp = new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero),
        User = "u-1",
        Session = "s-1",
        Asset = new AssetRef(asset),
        Download = new DownloadDetails(bulk),
    };
}
