namespace GraphReports.Analytics.Reports;

/// <summary>A figure one of whose queries the store could not answer (<see cref="Queries.FailedResult"/>).</summary>
public sealed class FigureFailedException(string figure, string reason)
    : Exception($"The figure '{figure}' could not be answered: {reason}")
{
    public string Figure { get; } = figure;
    public string Reason { get; } = reason;
}
