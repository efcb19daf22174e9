using Chat.Frontend.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

/// <summary>
/// Turns any failure of a hub method into a <see cref="HubException"/> whose message starts with the code
/// word, and is the one place hub failures are logged: faults at error with their exception, refusals at debug.
/// </summary>
internal sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var (code, status, detail) = ErrorMapping.Classify(ex);
            if (status >= 500)
            {
                LogHubError(logger, ex, invocationContext.HubMethodName, code);
            }
            else
            {
                // A refusal (bad input, no permission, a limit) is expected traffic: one line, no stack.
                LogHubRefused(logger, invocationContext.HubMethodName, code, detail);
            }

            throw new HubException($"{code}: {detail}");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused with {Code}: {Detail}")]
    private static partial void LogHubRefused(ILogger logger, string method, string code, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed with {Code}")]
    private static partial void LogHubError(ILogger logger, Exception exception, string method, string code);
}
