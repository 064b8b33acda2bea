using GraphReports.Analytics.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphReports.Hosting;

/// <summary>
/// Readiness of the store: unhealthy while a write failed for a reason of the store in the last
/// <see cref="RecentFailure"/>, or while a probe commit (an empty change through the writer) fails or
/// does not finish within <see cref="ProbeTimeout"/>. The description names the cause.
/// </summary>
public sealed class StoreHealthCheck(StoreHealth health, Func<CancellationToken, Task> probe, TimeProvider? clock = null) : IHealthCheck
{
    /// <summary>How long a failed write keeps the store unready, even if a probe succeeds (the probe writes less than a batch).</summary>
    public static readonly TimeSpan RecentFailure = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        if (health.CurrentFailure is { } failure && now - failure.At < RecentFailure)
            return Unhealthy(failure.Failure, $"a write failed {(now - failure.At).TotalSeconds:0} s ago: {failure.Failure.Message}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the store commits");
        }
        catch (StoreUnavailableException e)
        {
            return Unhealthy(e, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the store's writer did not commit a probe within {ProbeTimeout.TotalSeconds:0} s",
                data: new Dictionary<string, object> { ["cause"] = "busy" });
        }
    }

    private static HealthCheckResult Unhealthy(StoreUnavailableException e, string description) =>
        HealthCheckResult.Unhealthy(description, data: new Dictionary<string, object> { ["cause"] = e.Code });
}
