namespace Chat.Errors;

/// <summary>
/// A domain failure with a stable code word (<see cref="ErrorCodes"/>) that crosses grain calls
/// and is mapped once to problem details (HTTP) and hub errors (SignalR).
/// </summary>
[GenerateSerializer, Alias("chat.error")]
public sealed class ChatException : Exception
{
    public ChatException(string code, string message) : base(message) => Code = code;

    public ChatException() : this(ErrorCodes.Internal, "internal error") { }

    public ChatException(string message) : this(ErrorCodes.Internal, message) { }

    public ChatException(string message, Exception inner) : base(message, inner) => Code = ErrorCodes.Internal;

    [Id(0)]
    public string Code { get; }

    /// <summary>For <see cref="ErrorCodes.RateLimited"/>: when the caller may try again.</summary>
    [Id(1)]
    public int? RetryAfterSeconds { get; init; }

    public static ChatException BadRequest(string message) => new(ErrorCodes.BadRequest, message);
    public static ChatException Forbidden(string message) => new(ErrorCodes.Forbidden, message);
    public static ChatException NotFound(string message) => new(ErrorCodes.NotFound, message);
    public static ChatException Conflict(string message) => new(ErrorCodes.Conflict, message);
    public static ChatException TooLarge(string message) => new(ErrorCodes.TooLarge, message);
    public static ChatException Unauthorized(string message) => new(ErrorCodes.Unauthorized, message);
    public static ChatException Unavailable(string message) => new(ErrorCodes.Unavailable, message);
    /// <summary>The wait is in <see cref="RetryAfterSeconds"/> (HTTP's <c>Retry-After</c>) and, for hub callers, at the end of the message.</summary>
    public static ChatException RateLimited(string message, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(ErrorCodes.RateLimited, $"{message}; retry after {seconds} s") { RetryAfterSeconds = seconds };
    }
}
