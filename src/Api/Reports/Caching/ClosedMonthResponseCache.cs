using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Diagnostics;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Time;
using GraphReports.GraphQL.Execution;
using Microsoft.Extensions.Caching.Memory;

namespace GraphReports.Api.Reports.Caching;

/// <summary>
/// Reuses the whole serialized response of a GraphQL request whose every figure is a closed month's
/// (docs/redis.md, "Whole responses"): a warm closed-month dashboard then skips parsing, execution and
/// serialization and costs one generation read. Sits in front of the executor of <c>/graphql</c> only.
/// </summary>
/// <remarks>
/// <para>Never stale, by the answer cache's own rule: while a response is computed, <see cref="AnswerDependencies"/>
/// records the generation token of every (environment, month) its answers were filed under. A response is
/// served again only after reading those tokens from their source and finding every one unchanged, so a
/// late event stored by any process makes the very next request compute afresh.</para>
/// <para>What else a response depends on is in its key: the caller's environment (from its key), the
/// request's document, operation, variables, extensions and method, and the month now open in the
/// environment's zone (which fixes <c>currentMonth</c> and every default month). Responses with an
/// error are never kept. Responses with a figure that can still change (an open month, a custom period, an
/// all-time figure) are kept only when <c>GraphReports:Cache:ResponseLagSeconds</c> allows it, and served for
/// at most that long after their computation began (besides their closed months' tokens).</para>
/// <para>Requests that miss while the same request is being computed share the next computation, which begins
/// once that one ends, after they all arrived (<see cref="RequestFlights{T}"/>): if the one before kept a servable
/// response they are served it, else one computation answers them all, as exactly as one each would.</para>
/// </remarks>
public sealed class ClosedMonthResponseCache : IRequestExecutor, IDisposable
{
    private readonly IRequestExecutor _inner;
    private readonly IMonthGenerations _generations;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _changingLag;
    private readonly MemoryCache? _memory;
    private readonly RequestFlights<(ExecutionResult Result, bool Reused)> _flights = new();
    private long _hits, _stored, _shared;

    /// <param name="inner">Executes what is not reused.</param>
    /// <param name="generations">The same generation source the answer cache files answers under.</param>
    /// <param name="clock">The clock of the report schema (which month is open).</param>
    /// <param name="megabytes">Bound of the kept responses, in MiB; 0 reuses nothing.</param>
    /// <param name="changingLag">How long after it was computed a response with figures that can still change (the open
    /// month, a custom period, an all-time figure) may be served again; zero never keeps such a response.</param>
    public ClosedMonthResponseCache(IRequestExecutor inner, IMonthGenerations generations, TimeProvider clock, int megabytes,
        TimeSpan changingLag = default)
    {
        (_inner, _generations, _clock, _changingLag) = (inner, generations, clock, changingLag);
        if (megabytes > 0) _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L });
    }

    /// <summary>Responses served from this cache (requests that waited for the same response to be kept included).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests answered by a computation of the same request that another request led, begun after they arrived.</summary>
    public long Shared => Interlocked.Read(ref _shared);

    /// <summary>Responses kept for reuse.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        if (_memory is null || EnvironmentOf(request) is not { } environment)
            return await _inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);

        var openMonth = ZonedCalendar.MonthOf(_clock.GetUtcNow(), environment.TimeZone);
        var key = KeyOf(request, environment.Id, openMonth);
        if (await ServableAsync(key, cancellationToken).ConfigureAwait(false) is { } kept) return Served(kept);

        var ((result, reused), computed) = await _flights.RunAsync(key,
            token => ReuseOrComputeAsync(request, environment, openMonth, key, token), cancellationToken).ConfigureAwait(false);
        if (!computed)
        {
            if (reused) CountHit();
            else Interlocked.Increment(ref _shared);
        }
        return result;
    }

    /// <summary>The kept response when the computation before this one kept a servable one, else the request executed (and kept if it may be).</summary>
    private async Task<(ExecutionResult Result, bool Reused)> ReuseOrComputeAsync(GraphQLRequest request, ProductEnvironment environment,
        Month openMonth, string key, CancellationToken cancellationToken)
    {
        if (await ServableAsync(key, cancellationToken).ConfigureAwait(false) is { } kept) return (Served(kept), true);
        var (result, keep) = await ComputeAsync(request, environment, openMonth, cancellationToken).ConfigureAwait(false);
        if (keep is not null)
        {
            using var entry = _memory!.CreateEntry(key);
            entry.Value = keep;
            entry.Size = keep.Body.Length + key.Length * 2 + 100 * (keep.Dependencies.Count + 1); // a rough, consistent estimate
            if (keep.NotAfter is not null) entry.AbsoluteExpirationRelativeToNow = _changingLag; // bounds the memory; NotAfter decides
            Interlocked.Increment(ref _stored);
        }
        return (result, false);
    }

    private async Task<KeptResponse?> ServableAsync(string key, CancellationToken cancellationToken) =>
        _memory!.TryGetValue(key, out KeptResponse? kept) && await IsServableAsync(kept!, cancellationToken).ConfigureAwait(false) ? kept : null;

    /// <summary>Executes the request, and returns what may be kept of it (null when nothing may).</summary>
    private async Task<(ExecutionResult Result, KeptResponse? Keep)> ComputeAsync(GraphQLRequest request, ProductEnvironment environment,
        Month openMonth, CancellationToken cancellationToken)
    {
        // Measured before anything is read: a changing figure is then never served older than the allowed lag.
        var started = _clock.GetUtcNow();
        ExecutionResult result;
        IReadOnlyList<(string EnvironmentId, Month Month, string Token)>? dependencies;
        bool changing;
        using (var recording = AnswerDependencies.Record())
        {
            result = await _inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            dependencies = recording.Dependencies.Reusable();
            changing = recording.Dependencies.HasChangingAnswers;
        }
        // A month that ended while the request ran may have given it a different currentMonth: keep nothing.
        if (dependencies is null || (changing && _changingLag <= TimeSpan.Zero)
            || result.Outcome != RequestOutcome.Executed || result.Errors.Count > 0 || result.Data is null
            || ZonedCalendar.MonthOf(_clock.GetUtcNow(), environment.TimeZone) != openMonth)
            return (result, null);

        var body = ExecutionResultJsonWriter.ToUtf8Bytes(result, ExecutionResultJsonWriter.ResponseOptions);
        return (result with { Serialized = body }, new KeptResponse(body, dependencies, changing ? started + _changingLag : null));
    }

    private ExecutionResult Served(KeptResponse kept)
    {
        CountHit();
        return new ExecutionResult(RequestOutcome.Executed, null, []) { Serialized = kept.Body };
    }

    private void CountHit()
    {
        Interlocked.Increment(ref _hits);
        ServiceMetrics.CacheHits.Add(1, new KeyValuePair<string, object?>("tier", "response"));
    }

    /// <summary>True while the response's changing figures are young enough and every closed month's token it was computed under is current.</summary>
    private async Task<bool> IsServableAsync(KeptResponse kept, CancellationToken cancellationToken) =>
        (kept.NotAfter is not { } notAfter || _clock.GetUtcNow() < notAfter) && await IsCurrentAsync(kept, cancellationToken).ConfigureAwait(false);

    private static ProductEnvironment? EnvironmentOf(GraphQLRequest request) =>
        request.Services?.GetService(typeof(ReportCaller)) is ReportCaller caller && caller.TryGetEnvironment(out var environment, out _)
            ? environment
            : null;

    /// <summary>True when every generation token the response was computed under is still the current one.</summary>
    private async Task<bool> IsCurrentAsync(KeptResponse kept, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var environment in kept.Dependencies.GroupBy(d => d.EnvironmentId))
            {
                var months = environment.Select(d => d.Month).ToArray();
                var tokens = await _generations.ReadAsync(environment.Key, months, cancellationToken).ConfigureAwait(false);
                var expected = environment.Select(d => d.Token).ToArray();
                for (var i = 0; i < expected.Length; i++)
                    if (tokens[i] != expected[i]) return false;
            }
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // the source cannot tell (Redis down, store busy): execute, which answers or reports the failure itself
        }
    }

    /// <summary>SHA-256 over everything but the figures that the response depends on, each part length-prefixed.</summary>
    private static string KeyOf(GraphQLRequest request, string environmentId, Month openMonth)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Encoding.UTF8.GetBytes(environmentId));
        Append(hash, Encoding.UTF8.GetBytes(openMonth.ToString()));
        Append(hash, Encoding.UTF8.GetBytes(request.Query));
        Append(hash, request.OperationName is null ? [0xFF] : Encoding.UTF8.GetBytes(request.OperationName));
        Append(hash, Json(request.Variables));
        Append(hash, Json(request.Extensions));
        Append(hash, [request.QueriesOnly ? (byte)1 : (byte)0]);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static ReadOnlySpan<byte> Json(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Undefined } value ? JsonMarshal.GetRawUtf8Value(value) : [0xFF];

    private static void Append(IncrementalHash hash, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }

    public void Dispose() => _memory?.Dispose();

    /// <param name="Body">The serialized response.</param>
    /// <param name="Dependencies">The closed months' generation tokens it was computed under.</param>
    /// <param name="NotAfter">For a response with changing figures, the instant it must no longer be served; null: as long as its tokens hold.</param>
    private sealed record KeptResponse(byte[] Body, IReadOnlyList<(string EnvironmentId, Month Month, string Token)> Dependencies, DateTimeOffset? NotAfter);
}
