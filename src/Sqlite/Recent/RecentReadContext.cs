using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Recent;

/// <summary>What answering one batch from recent events reads besides them: the batch's SQLite snapshot, for strings and names.</summary>
internal sealed class RecentReadContext(SqliteConnection connection, SqliteTransaction transaction, string environmentId, RecentTexts texts)
{
    public string EnvironmentId { get; } = environmentId;
    public RecentTexts Texts { get; } = texts;

    public SqliteCommand Command(string sql, params object[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue("$p" + i, parameters[i]);
        return command;
    }
}
