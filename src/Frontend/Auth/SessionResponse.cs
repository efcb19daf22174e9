namespace Chat.Frontend.Auth;

/// <summary>One live session; <see cref="Current"/> marks the one the request's access token belongs to.</summary>
public sealed record SessionResponse(Guid SessionId, string DeviceName, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, bool Current);
