namespace GraphReports.Analytics.Storage;

/// <summary>Which store a host writes to and reads from: <c>GraphReports:Store</c> (docs/configuration.md).</summary>
public enum StoreKind
{
    /// <summary>The embedded SQLite store (the default: one machine, no set-up).</summary>
    Sqlite = 0,

    /// <summary>An Elasticsearch 9 cluster (GraphReports:Elasticsearch), for deployments that outgrow one machine.</summary>
    Elasticsearch = 1,
}

/// <summary>Reads the <c>GraphReports:Store</c> setting.</summary>
public static class StoreSelection
{
    /// <summary>The configuration key.</summary>
    public const string Key = "GraphReports:Store";

    /// <summary>The store named by <paramref name="value"/> (case-insensitive; missing = SQLite), or an error naming the valid values.</summary>
    public static StoreKind Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return StoreKind.Sqlite;
        return Enum.TryParse<StoreKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _)
            ? kind
            : throw new ArgumentException($"{Key} is '{value}'; it must be Sqlite (the default) or Elasticsearch.");
    }
}
