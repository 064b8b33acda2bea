using GraphReports.GraphQL.Errors;

namespace GraphReports.GraphQL.Language;

/// <summary>Where a node sits in its source: character offsets [Start, End) into <see cref="Source"/>.</summary>
public sealed class Location
{
    public Location(int start, int end, Source source)
    {
        Start = start;
        End = end;
        Source = source;
    }

    /// <summary>Offset of the node's first character.</summary>
    public int Start { get; }

    /// <summary>Offset just past the node's last character.</summary>
    public int End { get; }

    public Source Source { get; }

    /// <summary>Line and column (1-based) of <see cref="Start"/>, as errors report it.</summary>
    public SourceLocation StartLocation => Source.GetLocation(Start);

    public override string ToString() => $"{Start}..{End}";
}
