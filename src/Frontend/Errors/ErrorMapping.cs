using System.Net.Sockets;
using Chat.Errors;
using Chat.Frontend.Text;
using Chat.Text;
using Npgsql;

namespace Chat.Frontend.Errors;

/// <summary>The one mapping from failures to a code word and HTTP status, used by the API and the hub alike.</summary>
public static class ErrorMapping
{
    private const int OutageRetryAfterSeconds = 5;

    public static (string Code, int Status, string Detail) Classify(Exception exception)
    {
        if (Find<ChatException>(exception) is { } chat)
        {
            return (chat.Code, StatusOf(chat.Code), chat.Message);
        }

        if (Find<UnstorableTextException>(exception) is { } text)
        {
            return (ErrorCodes.BadRequest, StatusCodes.Status400BadRequest, $"{(text.Field.Length > 0 ? text.Field : "the body")} {TextRules.Refusal}");
        }

        if (Find<BadHttpRequestException>(exception) is { } badRequest)
        {
            return (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.TooLarge : ErrorCodes.BadRequest,
                badRequest.StatusCode, "the request could not be read");
        }

        if (Find<System.Text.Json.JsonException>(exception) is not null)
        {
            return (ErrorCodes.BadRequest, StatusCodes.Status400BadRequest, "the request body is not valid JSON");
        }

        if (IsInfrastructureOutage(exception))
        {
            return (ErrorCodes.Unavailable, StatusCodes.Status503ServiceUnavailable, "a backing service is unavailable; try again shortly");
        }

        return (ErrorCodes.Internal, StatusCodes.Status500InternalServerError, "unexpected error");
    }

    /// <summary>How long a client should wait before retrying, for rate limits and outages.</summary>
    public static int? RetryAfterSeconds(Exception exception)
    {
        if (Find<ChatException>(exception) is { RetryAfterSeconds: { } seconds })
        {
            return seconds;
        }

        return Classify(exception).Status == StatusCodes.Status503ServiceUnavailable ? OutageRetryAfterSeconds : null;
    }

    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.BadRequest or ErrorCodes.ProtocolError => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthorized or ErrorCodes.TotpRequired => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Conflict => StatusCodes.Status409Conflict,
        ErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    // Postgres, Redis or a silo being away is an outage to wait out, not a bug: 503, never 500.
    private static bool IsInfrastructureOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException or SocketException or TimeoutException or OrleansException
                or StackExchange.Redis.RedisException or OperationCanceledException
                || current.GetType().FullName?.StartsWith("Npgsql", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
