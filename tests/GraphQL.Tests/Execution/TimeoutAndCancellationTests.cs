using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>A request ends at its timeout, or when its caller cancels it, even if resolvers do not cooperate.</summary>
public sealed class TimeoutAndCancellationTests
{
    private static GraphQLSchema Build(TaskCompletionSource<bool> observedCancellation, TaskCompletionSource? started = null) => new SchemaBuilder()
        .Query("Query", q => q
            .Field("polite", "String", f => f.ResolveAsync(async ctx =>
            {
                started?.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    observedCancellation.TrySetResult(true);
                    throw;
                }

                return "never";
            }))
            .Field("stubborn", "String", f => f.ResolveAsync(async _ =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20));
                return "too late";
            })))
        .Build();

    [Fact]
    public async Task Request_over_its_timeout_ends_with_a_timeout_error_and_cancels_resolvers()
    {
        var observed = new TaskCompletionSource<bool>();
        var executor = new RequestExecutor(Build(observed), new RequestExecutorOptions { Timeout = TimeSpan.FromSeconds(1) });

        var result = await Run.ResultAsync(executor, "{ polite }");

        Assert.Equal(RequestOutcome.Executed, result.Outcome);
        Assert.Null(result.Data);
        var error = Assert.Single(result.Errors);
        Assert.Equal("The request exceeded the timeout of 1 seconds.", error.Message);
        Assert.Equal("REQUEST_TIMEOUT", error.Extensions!["code"]);
        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Timeout_ends_the_request_even_when_a_resolver_ignores_cancellation()
    {
        var executor = new RequestExecutor(Build(new()), new RequestExecutorOptions { Timeout = TimeSpan.FromMilliseconds(100) });

        var result = await Run.ResultAsync(executor, "{ stubborn }").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("REQUEST_TIMEOUT", Assert.Single(result.Errors).Extensions!["code"]);
    }

    [Fact]
    public async Task Caller_cancellation_throws_and_reaches_resolvers()
    {
        var observed = new TaskCompletionSource<bool>();
        var started = new TaskCompletionSource();
        var executor = new RequestExecutor(Build(observed, started));
        using var cancellation = new CancellationTokenSource();

        var request = Run.ResultAsync(executor, "{ polite }", cancellationToken: cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Default_timeout_is_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new RequestExecutorOptions().Timeout);
    }
}
