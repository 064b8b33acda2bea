using GraphReports.Api.Reports.Caching;

namespace GraphReports.Api.Tests.Reports.Caching;

/// <summary>
/// Identical requests arriving while one is computed share the next computation (RequestFlights). A "store" here is a
/// counter of events; a computation answers the count it saw when it began, and the first one is held open by a gate.
/// </summary>
public class RequestFlightsTests
{
    private readonly RequestFlights<int> _flights = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stored, _computations;

    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var seen = Volatile.Read(ref _stored);
        if (Interlocked.Increment(ref _computations) == 1) await _gate.Task;
        return seen;
    }

    [Fact]
    public async Task Requests_arriving_during_a_computation_share_the_next_one_and_see_what_was_stored_before_they_asked()
    {
        var first = _flights.RunAsync("dashboard", CountAsync, default);
        Interlocked.Increment(ref _stored); // an event stored while the first request is computed
        var later = Enumerable.Range(0, 5).Select(_ => _flights.RunAsync("dashboard", CountAsync, default)).ToArray();
        Assert.DoesNotContain(later, t => t.IsCompleted);

        _gate.SetResult();
        Assert.Equal((0, true), await first);
        var answers = await Task.WhenAll(later);

        Assert.All(answers, a => Assert.Equal(1, a.Value)); // each saw the event stored before it asked
        Assert.Equal(1, answers.Count(a => a.Computed));
        Assert.Equal(2, _computations);
    }

    [Fact]
    public async Task Different_requests_do_not_wait_for_each_other()
    {
        var held = _flights.RunAsync("dashboard", CountAsync, default);
        Assert.Equal((0, true), await _flights.RunAsync("search page", CountAsync, default));
        Assert.False(held.IsCompleted);
        _gate.SetResult();
        await held;
    }

    [Fact]
    public async Task A_waiter_whose_leader_is_cancelled_computes_the_answer_itself()
    {
        var first = _flights.RunAsync("dashboard", CountAsync, default);
        using var leaderGone = new CancellationTokenSource();
        var leader = _flights.RunAsync("dashboard", CountAsync, leaderGone.Token); // leads the next computation
        var waiter = _flights.RunAsync("dashboard", CountAsync, default);
        leaderGone.Cancel();
        Interlocked.Increment(ref _stored);

        _gate.SetResult();
        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        Assert.Equal((1, true), await waiter);
    }

    [Fact]
    public async Task A_failed_computation_fails_its_waiters_and_the_next_request_computes_again()
    {
        var first = _flights.RunAsync("dashboard", CountAsync, default);
        var failing = _flights.RunAsync("dashboard", _ => Task.FromException<int>(new InvalidOperationException("store unavailable")), default);
        var waiter = _flights.RunAsync("dashboard", CountAsync, default);
        _gate.SetResult();
        await first;

        Assert.Equal("store unavailable", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal("store unavailable", (await Assert.ThrowsAsync<InvalidOperationException>(() => waiter)).Message);
        Assert.Equal((0, true), await _flights.RunAsync("dashboard", CountAsync, default));
    }
}
