namespace Chat.Frontend.Users;

/// <summary><c>PUT /api/users/me/auto-reply</c>: the away message, on or off, optionally until a time.</summary>
public sealed record AutoReplyRequest(bool? Enabled, string? Message, DateTimeOffset? Until);
