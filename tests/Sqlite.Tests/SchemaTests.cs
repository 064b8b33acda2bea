using GraphReports.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Tests;

public class SchemaTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void A_new_file_gets_the_current_schema_version_in_WAL_mode()
    {
        _temp.Open().Dispose();
        Assert.Equal(StoreSchema.Version, Scalar("PRAGMA user_version"));
        using var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void A_file_of_an_unknown_newer_version_is_refused_with_a_clear_message()
    {
        _temp.Open().Dispose();
        Execute("PRAGMA user_version = 7");
        var e = Assert.Throws<StoreSchemaException>(() => SqliteEventStore.Open(_temp.Options));
        Assert.Equal($"{_temp.Path} has schema version 7, but this build of GraphReports reads version 2 only: it was written by a newer GraphReports; upgrade this one", e.Message);
        var read = Assert.Throws<StoreSchemaException>(() => new SqliteStoreReader(_temp.Options).OpenConnection());
        Assert.Equal(e.Message, read.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused()
    {
        Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
        var e = Assert.Throws<StoreSchemaException>(() => SqliteEventStore.Open(_temp.Options));
        Assert.Equal($"{_temp.Path} holds tables but no GraphReports schema version (user_version 0): it is not a GraphReports store; choose another file", e.Message);
    }

    [Fact]
    public void Reading_a_file_that_was_never_created_by_a_store_is_refused()
    {
        Execute("SELECT 1");
        var e = Assert.Throws<StoreSchemaException>(() => new SqliteStoreReader(_temp.Options).OpenConnection());
        Assert.Equal($"{_temp.Path} has no GraphReports schema yet: open it once with SqliteEventStore to create it", e.Message);
    }
}
