namespace Chat.Errors;

/// <summary>The stable code words clients match on; the HTTP status of each is fixed in the Frontend.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string TotpRequired = "totp_required";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string TooLarge = "too_large";
    public const string RateLimited = "rate_limited";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal";

    /// <summary>A hub frame that is not the SignalR protocol at all; the only error that closes a connection.</summary>
    public const string ProtocolError = "protocol_error";
}
