namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Where a value sits in the response: a chain of field response names and list indices, shared
/// between siblings so that building a path costs one allocation per field.
/// </summary>
public sealed class ResponsePath
{
    public ResponsePath(ResponsePath? previous, object key)
    {
        Previous = previous;
        Key = key;
    }

    public ResponsePath? Previous { get; }

    /// <summary>A response name (string) or a list index (int).</summary>
    public object Key { get; }

    /// <summary>The keys from the root down to this one, as errors report them.</summary>
    public IReadOnlyList<object> ToList()
    {
        var keys = new List<object>();
        for (var current = this; current is not null; current = current.Previous)
        {
            keys.Add(current.Key);
        }

        keys.Reverse();
        return keys;
    }

    public override string ToString() => string.Join(".", ToList());
}
