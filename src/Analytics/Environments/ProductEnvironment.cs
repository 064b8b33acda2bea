namespace GraphReports.Analytics.Environments;

/// <summary>
/// A tenant. Every stored event and every query belongs to exactly one; its data is never visible
/// to another. <see cref="TimeZone"/> decides where its months begin and end.
/// </summary>
public sealed record ProductEnvironment(string Id, string Name, TimeZoneInfo TimeZone);
