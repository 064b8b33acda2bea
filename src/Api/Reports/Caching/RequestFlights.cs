namespace GraphReports.Api.Reports.Caching;

/// <summary>
/// Identical requests (one key) that arrive while one of them is being computed share the next computation, which
/// starts only once the current one has ended. Each request is therefore answered by a computation that began after
/// it arrived, as exact as one of its own, while under load one computation serves every request that queued behind
/// the previous one instead of one computation each (docs/redis.md, "Whole responses").
/// </summary>
/// <typeparam name="T">What a computation gives.</typeparam>
public sealed class RequestFlights<T>
{
    // Per key: the computation running, and the one that will start after it (which new arrivals join).
    private readonly Dictionary<string, (Flight Running, Flight? Next)> _flights = new(StringComparer.Ordinal);

    /// <summary>Computes <paramref name="key"/>'s value, or waits for the computation that starts after the running one.</summary>
    /// <returns>The value, and whether this call computed it (false: another request's computation that began after this call).</returns>
    public async Task<(T Value, bool Computed)> RunAsync(string key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            Flight flight;
            Flight? previous = null;
            bool leads;
            lock (_flights)
            {
                if (!_flights.TryGetValue(key, out var state))
                {
                    (flight, leads) = (new Flight(), true);
                    _flights[key] = (flight, null);
                }
                else if (state.Next is { } next)
                {
                    (flight, leads) = (next, false);
                }
                else
                {
                    (flight, leads, previous) = (new Flight(), true, state.Running);
                    _flights[key] = (state.Running, flight);
                }
            }
            if (!leads)
            {
                try { return (await flight.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false), false); }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { continue; } // its leader was cancelled, not this request
            }
            if (previous is not null) await previous.Ended.ConfigureAwait(false); // whatever its outcome
            lock (_flights) _flights[key] = (flight, null); // from here on, new arrivals wait for the computation after this one
            try
            {
                var value = await compute(cancellationToken).ConfigureAwait(false);
                flight.Result.TrySetResult(value);
                return (value, true);
            }
            catch (OperationCanceledException)
            {
                flight.Result.TrySetCanceled(); // the waiters that were not cancelled themselves join the next computation
                throw;
            }
            catch (Exception e)
            {
                flight.Result.TrySetException(e); // the waiters asked the same thing at the same moment: the same failure
                _ = flight.Result.Task.Exception; // observed, even when nobody waited
                throw;
            }
            finally
            {
                lock (_flights)
                    if (_flights.TryGetValue(key, out var state) && state.Running == flight && state.Next is null) _flights.Remove(key);
            }
        }
    }

    private sealed class Flight
    {
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the computation has ended, successfully or not; never faults.</summary>
        public Task Ended => Result.Task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
