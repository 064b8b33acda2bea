namespace GraphReports.Analytics.Time;

/// <summary>Finds environment time zones by IANA name (REPORTS.md §2: default <c>UTC</c>).</summary>
public static class TimeZones
{
    /// <summary>The default zone of an environment that names none.</summary>
    public const string DefaultId = "UTC";

    /// <summary>Finds a zone by IANA name, e.g. <c>Europe/Berlin</c>.</summary>
    /// <exception cref="ArgumentException">When no such zone exists here, with a message saying what is expected.</exception>
    public static TimeZoneInfo Find(string? ianaId)
    {
        if (TryFind(ianaId, out var zone)) return zone;
        throw new ArgumentException($"unknown time zone \"{ianaId}\": use an IANA name such as UTC, Europe/Berlin or America/New_York", nameof(ianaId));
    }

    public static bool TryFind(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId)) return false;
        if (ianaId is "UTC" or "Etc/UTC") return true;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(ianaId);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
