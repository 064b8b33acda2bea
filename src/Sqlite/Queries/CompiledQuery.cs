using GraphReports.Analytics.Queries;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Queries;

/// <summary>One SQL statement and how to read its rows into the answers of one or more queries.</summary>
internal sealed record CompiledStatement(string Sql, SqlText Parameters, Func<SqliteDataReader, IReadOnlyList<QueryResult>> Read);
