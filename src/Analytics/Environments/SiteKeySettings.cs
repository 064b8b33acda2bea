using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Environments;

/// <summary>Checks one configured <see cref="SiteKeyOptions"/> and makes the <see cref="SiteKey"/>; a mistake stops the start with a message naming the setting.</summary>
internal static class SiteKeySettings
{
    public const int MinKeyLength = 8, MaxKeyLength = 128;

    public static (SiteKey Key, string Where) Read(ProductEnvironment environment, SiteKeyOptions options, string where)
    {
        var key = options.Key ?? "";
        if (key.Length is < MinKeyLength or > MaxKeyLength || !key.All(IsKeyCharacter))
            throw new InvalidOperationException($"{where}:Key '{key}' is not a site key: use {MinKeyLength} to {MaxKeyLength} characters of A-Z, a-z, 0-9, '-', '_' and '.' (it is written into URLs and HTML).");
        if (options.AllowedOrigins.Count == 0)
            throw new InvalidOperationException($"{where}:AllowedOrigins is empty: list the origins (for example https://www.example.com) whose pages send beacons with this key.");
        var origins = new List<string>();
        foreach (var value in options.AllowedOrigins)
        {
            if (!WebOrigin.TryNormalize(value, out var origin))
                throw new InvalidOperationException($"{where}:AllowedOrigins holds '{value}', which is not an origin: write scheme://host[:port] with http or https and no path, for example https://www.example.com.");
            if (!origins.Contains(origin)) origins.Add(origin);
        }
        var types = new List<EventType>();
        foreach (var name in options.EventTypes)
        {
            if (!EventTypeNames.TryParse(name, out var type) || !SiteKey.TrackableTypes.Contains(type))
                throw new InvalidOperationException($"{where}:EventTypes holds '{name}': a site key may only send {string.Join(", ", SiteKey.TrackableTypes.Select(t => t.ToWire()))}.");
            if (!types.Contains(type)) types.Add(type);
        }
        if (types.Count == 0) types.AddRange(SiteKey.TrackableTypes);
        var display = string.IsNullOrWhiteSpace(options.Name) ? key : options.Name.Trim();
        return (new SiteKey(environment, key, display, origins, types), where);
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
