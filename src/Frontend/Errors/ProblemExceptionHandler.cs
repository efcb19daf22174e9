using Chat.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Chat.Frontend.Errors;

/// <summary>Writes every failed API call as RFC 9457 problem details with a stable code; never a stack trace.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (code, status, detail) = ErrorMapping.Classify(exception);
        if (status >= 500)
        {
            LogServerError(logger, exception, httpContext.Request.Path, code);
        }

        httpContext.Response.StatusCode = status;
        if (ErrorMapping.RetryAfterSeconds(exception) is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = Problems.Create(code, status, detail),
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed with {Code}")]
    private static partial void LogServerError(ILogger logger, Exception exception, string path, string code);
}
