using System.Runtime.CompilerServices;

namespace GraphReports.Analytics.Events;

/// <summary>
/// The page URLs found valid lately on this thread (up to <see cref="Slots"/>), remembered by reference: a
/// page handed out again by <see cref="RecurringStrings"/> is not parsed as a <see cref="Uri"/> again.
/// </summary>
internal sealed class KnownValidUrls
{
    private const int Slots = 4_096; // a power of two

    [ThreadStatic] private static KnownValidUrls? t_current;

    private readonly string?[] _valid = new string?[Slots];

    public static KnownValidUrls Current => t_current ??= new KnownValidUrls();

    public bool IsKnownValid(string value) => ReferenceEquals(_valid[RuntimeHelpers.GetHashCode(value) & (Slots - 1)], value);

    public void AddValid(string value) => _valid[RuntimeHelpers.GetHashCode(value) & (Slots - 1)] = value;
}
