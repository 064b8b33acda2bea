using System.Diagnostics;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Progress;
using GraphReports.Sqlite.Rollups;
using Spectre.Console;
using GraphReports.Analytics.Text;

namespace GraphReports.Indexer.Commands;

/// <summary>How <c>import</c> shows its steps: progress bars on a terminal, plain lines when the output is redirected.</summary>
internal interface IImportOutput
{
    /// <summary>The load; <paramref name="load"/> calls its argument after each committed batch.</summary>
    Task<ImportProgress> LoadAsync(Func<Action<ImportProgress>, Task<ImportProgress>> load, Stream input, long? totalBytes);

    /// <summary>A step without a measure of progress.</summary>
    Task StepAsync(string description, Func<Task> step);

    /// <summary>The rollup build, month by month.</summary>
    Task<RollupBuildTotals> RollupsAsync(Func<IProgress<RollupBuildTotals>, Task<RollupBuildTotals>> build);
}

/// <summary>A line every 2 seconds at most, and one per step: for logs and CI.</summary>
internal sealed class ProgressLines : IImportOutput
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private TimeSpan _lastPrint;

    public Task<ImportProgress> LoadAsync(Func<Action<ImportProgress>, Task<ImportProgress>> load, Stream input, long? totalBytes) => load(p =>
    {
        if (!Due()) return;
        Console.Out.WriteLine($"progress: {p.Lines} lines (accepted {p.Accepted}, duplicates {p.Duplicates}, rejected {p.Rejected}), {p.Lines / _stopwatch.Elapsed.TotalSeconds:F0} lines/s");
    });

    public async Task StepAsync(string description, Func<Task> step)
    {
        Console.Out.WriteLine($"{description}...");
        await step();
    }

    public Task<RollupBuildTotals> RollupsAsync(Func<IProgress<RollupBuildTotals>, Task<RollupBuildTotals>> build)
    {
        Console.Out.WriteLine("building the report rollups of the imported months...");
        return build(new InlineProgress<RollupBuildTotals>(t =>
        {
            if (Due()) Console.Out.WriteLine($"rollups: {t.Months} of {Counted.Of(t.StaleMonths, "month")} ({Counted.Of(t.Events, "event")})");
        }));
    }

    private bool Due()
    {
        if (_stopwatch.Elapsed - _lastPrint < TimeSpan.FromSeconds(2)) return false;
        _lastPrint = _stopwatch.Elapsed;
        return true;
    }
}

/// <summary>Spectre.Console progress bars, one per step.</summary>
internal sealed class ProgressBars : IImportOutput
{
    public async Task<ImportProgress> LoadAsync(Func<Action<ImportProgress>, Task<ImportProgress>> load, Stream input, long? totalBytes)
    {
        ImportProgress? result = null;
        await Bars().StartAsync(async context =>
        {
            var task = context.AddTask("import", maxValue: totalBytes ?? 1);
            if (totalBytes is null) task.IsIndeterminate = true;
            result = await load(p =>
            {
                task.Description = $"{p.Lines:N0} lines, {p.Accepted:N0} accepted";
                if (totalBytes is { } total) task.Value = Math.Min(input.Position, total);
            });
            task.Value = task.MaxValue;
        });
        return result!;
    }

    public Task StepAsync(string description, Func<Task> step) => Bars().StartAsync(async context =>
    {
        var task = context.AddTask(description, maxValue: 1);
        task.IsIndeterminate = true;
        await step();
        task.IsIndeterminate = false;
        task.Value = 1;
    });

    public async Task<RollupBuildTotals> RollupsAsync(Func<IProgress<RollupBuildTotals>, Task<RollupBuildTotals>> build)
    {
        RollupBuildTotals result = default;
        await Bars().StartAsync(async context =>
        {
            var task = context.AddTask("report rollups", maxValue: 1);
            result = await build(new InlineProgress<RollupBuildTotals>(t =>
            {
                task.MaxValue = Math.Max(t.StaleMonths, 1);
                task.Value = t.Months;
                task.Description = $"report rollups, {t.Months} of {Counted.Of(t.StaleMonths, "month")}";
            }));
            task.Value = task.MaxValue;
        });
        return result;
    }

    private static Progress Bars() => AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());
}
