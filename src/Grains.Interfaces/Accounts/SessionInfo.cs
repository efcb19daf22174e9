namespace Chat.Accounts;

/// <summary>A live signed-in device of a user (a refresh-token family that is neither revoked nor expired).</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.session-info")]
public sealed record SessionInfo(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string DeviceName,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset LastUsedAt);
