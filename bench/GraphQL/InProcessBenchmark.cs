using System.Diagnostics;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Bench;

/// <summary>
/// Parse (through the document cache) + validate + execute of the 30-field query, in process, beside
/// GraphQL.NET (<see cref="GraphQLNetPeer"/>) on the same schema and data: a Stopwatch harness that warms
/// both up, then times every call on its own, ours and the peer's alternating so that both see the same
/// machine load, and reports medians, the 90th and 99th percentiles and the ratio of medians.
/// </summary>
internal static class InProcessBenchmark
{
    public static async Task RunAsync(IRequestExecutor executor, int iterations)
    {
        var request = new GraphQLRequest(BenchSchema.ReportQuery);
        var check = await executor.ExecuteAsync(request);
        if (check.Outcome != RequestOutcome.Executed || check.Errors.Count > 0)
            throw new InvalidOperationException("The benchmark query does not run: " + string.Join("; ", check.Errors.Select(e => e.Message)));
        var peer = new GraphQLNetPeer(BenchSchema.ReportQuery);
        var peerCheck = await peer.ExecuteAsync();
        if (peerCheck.Errors is { Count: > 0 } || peerCheck.Data is null)
            throw new InvalidOperationException("GraphQL.NET does not run the benchmark query: " + string.Join("; ", peerCheck.Errors?.Select(e => e.Message) ?? []));

        for (var i = 0; i < Math.Max(2_000, iterations / 10); i++)
        {
            await executor.ExecuteAsync(request);
            await peer.ExecuteAsync();
        }

        var ours = new long[iterations];
        var theirs = new long[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await executor.ExecuteAsync(request);
            ours[i] = Stopwatch.GetTimestamp() - start;
            start = Stopwatch.GetTimestamp();
            await peer.ExecuteAsync();
            theirs[i] = Stopwatch.GetTimestamp() - start;
        }
        var (a, b) = (Summary(ours), Summary(theirs));
        Console.WriteLine($"in-process 30-field query (cached document), {iterations} calls each, alternating:");
        Console.WriteLine($"  GraphReports engine: median {a.Median:F1} us, p90 {a.P90:F1} us, p99 {a.P99:F1} us, min {a.Min:F1} us");
        Console.WriteLine($"  GraphQL.NET 8.8.5:   median {b.Median:F1} us, p90 {b.P90:F1} us, p99 {b.P99:F1} us, min {b.Min:F1} us");
        Console.WriteLine($"  ratio of medians: GraphReports {b.Median / a.Median:F1}x faster than GraphQL.NET");
    }

    private static (double Median, double P90, double P99, double Min) Summary(long[] ticks)
    {
        Array.Sort(ticks);
        double Micro(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        return (Micro(ticks[ticks.Length / 2]), Micro(ticks[ticks.Length * 9 / 10]), Micro(ticks[ticks.Length * 99 / 100]), Micro(ticks[0]));
    }
}
