using System.Security.Cryptography;
using System.Text;
using GraphReports.Analytics.Queries;

namespace GraphReports.Redis.Caching;

/// <summary>
/// The key of one cached answer: schema version, environment, month, that month's generation token
/// and a SHA-256 of the query's canonical text (<see cref="ReportQuery.CacheKey"/>, which names the
/// period with its zone, every filter, the measure and the shape).
/// </summary>
public static class AnswerKeys
{
    /// <summary>Raise when what an answer means or how it is stored changes: older entries then go unread.</summary>
    public const int SchemaVersion = 1;

    public static string For(string prefix, ReportQuery query, string generation)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(query.CacheKey));
        return $"{prefix}answer:v{SchemaVersion}:{Uri.EscapeDataString(query.EnvironmentId)}:{query.Month}:{generation}:{Convert.ToHexStringLower(hash)}";
    }
}
