using System.Diagnostics;
using GraphReports.Analytics.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphReports.Hosting;

/// <summary>
/// What an endpoint's exception becomes: a failure of the store is 503 with a problem document
/// naming its cause (<c>disk_full</c>, <c>read_only</c>, <c>locked</c>...) and <c>Retry-After</c>;
/// anything else is 500 with an error id that is in the log next to the request's trace id.
/// </summary>
internal sealed partial class ServiceExceptionHandler(ILogger<ServiceExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is told to wait before retrying after a store failure.</summary>
    public const int StoreRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested) return true; // the client left
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (exception is StoreUnavailableException store)
        {
            LogStoreFailure(logger, store.Code, traceId, context.Request.Method, context.Request.Path, store);
            context.Response.Headers.RetryAfter = StoreRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The store is unavailable",
                detail: store.Message + " Nothing of this request was stored; retry later.",
                extensions: new Dictionary<string, object?> { ["error"] = "store_unavailable", ["cause"] = store.Code, ["traceId"] = traceId })
                .ExecuteAsync(context);
            return true;
        }
        if (exception is BadHttpRequestException bad)
        {
            await Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: bad.Message).ExecuteAsync(context);
            return true;
        }
        var errorId = Guid.NewGuid().ToString("N")[..12];
        LogInternalError(logger, errorId, traceId, context.Request.Method, context.Request.Path, exception);
        await Results.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Internal error",
            detail: $"The server failed on this request (error id {errorId}); the error is logged under that id.",
            extensions: new Dictionary<string, object?> { ["error"] = "internal_error", ["errorId"] = errorId, ["traceId"] = traceId })
            .ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Store unavailable ({Cause}), trace {TraceId}, {Method} {Path}")]
    private static partial void LogStoreFailure(ILogger logger, string cause, string traceId, string method, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Internal error {ErrorId}, trace {TraceId}, {Method} {Path}")]
    private static partial void LogInternalError(ILogger logger, string errorId, string traceId, string method, PathString path, Exception exception);
}
