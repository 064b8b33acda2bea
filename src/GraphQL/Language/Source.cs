using GraphReports.GraphQL.Errors;

namespace GraphReports.GraphQL.Language;

/// <summary>
/// A GraphQL document's text with a name for error messages. Turns character offsets into the
/// 1-based line and column that errors report.
/// </summary>
public sealed class Source
{
    private int[]? _lineStarts;

    public Source(string body, string name = "GraphQL request")
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Name = name;
    }

    /// <summary>The document text.</summary>
    public string Body { get; }

    /// <summary>A name for the document (a file name, or "GraphQL request").</summary>
    public string Name { get; }

    /// <summary>The line and column (both 1-based) of a character offset, counting \r\n, \n and \r as line ends.</summary>
    public SourceLocation GetLocation(int position)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Body);
        int index = Array.BinarySearch(starts, position);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return new SourceLocation(index + 1, position - starts[index] + 1);
    }

    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }

    public static implicit operator Source(string body) => new(body);
}
