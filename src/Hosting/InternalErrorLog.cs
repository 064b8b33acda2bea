using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphReports.Hosting;

/// <summary>
/// Logs an unexpected exception under the error id its client was given, with the trace id of the
/// request it happened in, so that an id from an answer finds its stack trace. For the GraphQL
/// executor's and the intake pipeline's error callbacks.
/// </summary>
public sealed partial class InternalErrorLog(ILogger<InternalErrorLog> logger, IHttpContextAccessor http)
{
    /// <summary>The trace id of the current request (W3C when tracing is on, else the host's request id).</summary>
    public string TraceId => Activity.Current?.TraceId.ToString() ?? http.HttpContext?.TraceIdentifier ?? "-";

    public void Log(Exception exception, string errorId)
    {
        var request = http.HttpContext?.Request;
        LogUnexpected(logger, errorId, TraceId, request?.Method ?? "-", request?.Path.Value ?? "-", exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Internal error {ErrorId}, trace {TraceId}, {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string errorId, string traceId, string method, string path, Exception exception);
}
