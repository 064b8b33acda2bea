using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Time;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Sqlite.Caching;

/// <summary>
/// Reads the generation tokens that <see cref="MonthGenerationObserver"/> keeps in the store file: exact
/// and durable (they commit with the events), whichever process wrote them. A month without a row has
/// never received an event and reads as <c>0</c>; its first event replaces that with a random token.
/// </summary>
public sealed class SqliteMonthGenerations(SqliteStoreOptions options) : IMonthGenerations
{
    public Task<IReadOnlyList<string>> ReadAsync(string environmentId, IReadOnlyList<Month> months, CancellationToken cancellationToken = default)
    {
        if (months.Count == 0) return Task.FromResult<IReadOnlyList<string>>([]);
        using var connection = StoreConnections.OpenReader(options);
        using var command = connection.CreateCommand();
        var numbers = months.Select(MonthNumbers.Of).ToArray();
        command.CommandText = $"SELECT month, generation FROM cache_generation WHERE env = $env AND month IN ({string.Join(',', numbers)})";
        command.Parameters.AddWithValue("$env", environmentId);
        var found = new Dictionary<int, long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) found[reader.GetInt32(0)] = reader.GetInt64(1);
        IReadOnlyList<string> tokens = numbers.Select(n => found.TryGetValue(n, out var g) ? g.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0").ToArray();
        return Task.FromResult(tokens);
    }
}
