namespace GraphReports.Analytics.Intake;

/// <summary>
/// A valid event that its sender may not send (for example a type outside a site key's types);
/// the whole request is refused and nothing of it is stored. The message says what was refused and why.
/// </summary>
public sealed class EventRefusedException(int index, string message) : Exception(message)
{
    /// <summary>0-based position of the refused event in the request.</summary>
    public int Index { get; } = index;
}
