using System.CommandLine;
using System.Globalization;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using Spectre.Console;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// <c>generate</c>: writes a seeded, realistic demo dataset as NDJSON (see <see cref="DemoDataGenerator"/>):
/// one environment to a file or standard output (<c>--output</c>), or every configured environment
/// (or those named with <c>--environment</c>) to one <c>&lt;id&gt;.ndjson</c> each (<c>--output-dir</c>).
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var events = new Option<long>("--events", "-n") { Description = "Number of events (lines; with --output-dir, split over the environments).", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed, size and --now give the same bytes.", DefaultValueFactory = _ => new DemoDataOptions().Seed };
        var months = new Option<int>("--months") { Description = "Months covered, ending with the current month.", DefaultValueFactory = _ => 13 };
        var now = new Option<string?>("--now") { Description = "End instant (RFC 3339), default: now." };
        var environments = new Option<string[]>("--environment", "-e") { Description = "Environment id (repeatable). Default: the first configured with --output, all with --output-dir.", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var outputDir = new Option<string?>("--output-dir") { Description = "Folder to write one <environment>.ndjson per environment into." };
        var command = new Command("generate", "Write a seeded, realistic demo dataset as NDJSON.") { events, seed, months, now, environments, output, outputDir };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            DateTimeOffset? end = null;
            if (parse.GetValue(now) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) { Console.Error.WriteLine($"--now '{text}' is not an RFC 3339 timestamp."); return 2; }
                end = parsed;
            }
            var options = new DemoDataOptions { Events = parse.GetValue(events), Seed = parse.GetValue(seed), Months = parse.GetValue(months), Now = end };
            return Run(options, parse.GetValue(environments) ?? [], parse.GetValue(output)!, parse.GetValue(outputDir), parse.UnmatchedTokens.ToArray());
        });
        return command;
    }

    private static int Run(DemoDataOptions options, string[] environmentIds, string output, string? outputDir, string[] configurationArgs)
    {
        if (options.Events < 0 || options.Months < 1) { Console.Error.WriteLine("--events must be >= 0 and --months >= 1."); return 2; }
        using var host = CommandHost.Build(configurationArgs);
        var directory = host.Services.GetRequiredService<CredentialDirectory>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var chosen = new List<ProductEnvironment>();
        foreach (var id in environmentIds)
        {
            if (CommandHost.FindEnvironment(host.Services, id) is not { } environment) return 2;
            chosen.Add(environment);
        }
        if (outputDir is null)
        {
            if (chosen.Count > 1) { Console.Error.WriteLine("Several environments need --output-dir (one file each)."); return 2; }
            var environment = chosen.Count == 1 ? chosen[0] : directory.Environments.FirstOrDefault();
            if (environment is null) { Console.Error.WriteLine("No environment is configured (GraphReports:Environments)."); return 2; }
            using var stream = output == "-" ? Console.OpenStandardOutput() : File.Create(output);
            var generator = new DemoDataGenerator(environment, options, clock);
            var written = output == "-"
                ? generator.WriteNdjson(stream)
                : WithProgress(environment.Id, options.Events, progress => generator.WriteNdjson(stream, progress));
            if (output != "-") Console.Error.WriteLine($"{written} events for '{environment.Id}' written to {output}");
            return 0;
        }
        Directory.CreateDirectory(outputDir);
        foreach (var (environment, count) in DemoDataGenerator.Share(chosen.Count > 0 ? chosen : directory.Environments, options.Events))
        {
            var path = Path.Combine(outputDir, environment.Id + ".ndjson");
            using var stream = File.Create(path);
            var generator = new DemoDataGenerator(environment, options with { Events = count }, clock);
            var written = WithProgress(environment.Id, count, progress => generator.WriteNdjson(stream, progress));
            Console.Out.WriteLine($"{written} events for '{environment.Id}' written to {path}");
        }
        return 0;
    }

    /// <summary>A progress bar while <paramref name="work"/> runs, when standard output is a terminal (never mixed into data on standard output).</summary>
    private static long WithProgress(string description, long total, Func<IProgress<long>?, long> work)
    {
        if (Console.IsOutputRedirected || total == 0) return work(null);
        long result = 0;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: total);
                result = work(new TaskProgress(task));
                task.Value = total;
            });
        return result;
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
