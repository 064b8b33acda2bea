using System.Diagnostics;
using ActivityEvent = GraphReports.Analytics.Events.ActivityEvent;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;

namespace GraphReports.Bench.StoreWrite;

/// <summary>Demo events (src/Analytics/Demo) as validated <see cref="ActivityEvent"/>s, and how fast they were read.</summary>
internal static class DemoEvents
{
    public static List<ActivityEvent> Make(int count)
    {
        var environment = new ProductEnvironment("bench", "Bench", TimeZoneInfo.Utc);
        var now = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var ndjson = new MemoryStream();
        new DemoDataGenerator(environment, new DemoDataOptions { Events = count, Now = now }).WriteNdjson(ndjson);
        var bytes = ndjson.GetBuffer().AsMemory(0, (int)ndjson.Length);

        var reader = new EventJsonReader(new FixedClock(now));
        var events = new List<ActivityEvent>(count);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rest = bytes.Span;
        var rejected = 0;
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (line.IsEmpty) continue;
            var result = reader.Read(line);
            if (result.IsAccepted) events.Add(result.Event!);
            else rejected++;
        }
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"EventJsonReader: {events.Count + rejected:N0} lines ({bytes.Length / 1048576.0:F0} MiB) in {clock.Elapsed.TotalSeconds:F2} s wall, " +
            $"{cpuSeconds:F2} s CPU = {(events.Count + rejected) / cpuSeconds:N0} events per CPU-second, {rejected} rejected");
        return events;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
