using System.Diagnostics;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Bench;

/// <summary>
/// Parse (through the document cache) + validate + execute of the 30-field query, in process: a Stopwatch
/// harness that warms up, then times every call on its own and reports the median and the 90th percentile.
/// </summary>
internal static class InProcessBenchmark
{
    public static async Task RunAsync(IRequestExecutor executor, int iterations)
    {
        var request = new GraphQLRequest(BenchSchema.ReportQuery);
        var check = await executor.ExecuteAsync(request);
        if (check.Outcome != RequestOutcome.Executed || check.Errors.Count > 0)
            throw new InvalidOperationException("The benchmark query does not run: " + string.Join("; ", check.Errors.Select(e => e.Message)));

        for (var i = 0; i < Math.Max(2_000, iterations / 10); i++)
            await executor.ExecuteAsync(request);

        var ticks = new long[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await executor.ExecuteAsync(request);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        Array.Sort(ticks);
        double Micro(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        Console.WriteLine($"in-process 30-field query (cached document): median {Micro(ticks[iterations / 2]):F1} us, " +
                          $"p90 {Micro(ticks[iterations * 9 / 10]):F1} us, min {Micro(ticks[0]):F1} us over {iterations} calls");
    }
}
