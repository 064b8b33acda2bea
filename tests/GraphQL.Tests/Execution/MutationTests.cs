using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>Mutation root fields run one after another; query root fields overlap.</summary>
public sealed class MutationTests
{
    private sealed class Recorder
    {
        private int _running;

        public List<string> Events { get; } = [];

        public int MaxConcurrent { get; private set; }

        public async Task<int> Step(string name, int delayMs)
        {
            lock (Events)
            {
                Events.Add("start " + name);
                MaxConcurrent = Math.Max(MaxConcurrent, ++_running);
            }

            await Task.Delay(delayMs);
            lock (Events)
            {
                _running--;
                Events.Add("end " + name);
            }

            return delayMs;
        }
    }

    private static GraphQLSchema Build(Recorder recorder) => new SchemaBuilder()
        .Query("Query", q => q
            .Field("slow", "Int", f => f.ResolveAsync(_ => recorder.Step("slow", 60)))
            .Field("fast", "Int", f => f.ResolveAsync(_ => recorder.Step("fast", 5))))
        .Mutation("Mutation", m => m
            .Field("slow", "Int", f => f.ResolveAsync(_ => recorder.Step("slow", 60)))
            .Field("fast", "Int", f => f.ResolveAsync(_ => recorder.Step("fast", 5))))
        .Build();

    [Fact]
    public async Task Mutation_fields_run_serially_in_document_order()
    {
        var recorder = new Recorder();

        var json = await Run.JsonAsync(Build(recorder), "mutation { first: slow second: fast third: slow }");

        Assert.Equal(["start slow", "end slow", "start fast", "end fast", "start slow", "end slow"], recorder.Events);
        Assert.Equal(1, recorder.MaxConcurrent);
        Run.AssertJsonEqual("""{"first":60,"second":5,"third":60}""", json["data"]);
    }

    [Fact]
    public async Task Query_fields_run_concurrently()
    {
        // "waiter" can only finish once "signaller" has run: serial execution would never get there.
        var signal = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = new SchemaBuilder()
            .Query("Query", q => q
                .Field("waiter", "Int", f => f.ResolveAsync(async _ => await signal.Task.WaitAsync(TimeSpan.FromSeconds(10))))
                .Field("signaller", "Int", f => f.ResolveAsync(async _ =>
                {
                    await Task.Yield();
                    signal.SetResult(7);
                    return 1;
                })))
            .Build();

        var json = await Run.JsonAsync(schema, "{ waiter signaller }");

        Run.AssertJsonEqual("""{"waiter":7,"signaller":1}""", json["data"]);
    }
}
