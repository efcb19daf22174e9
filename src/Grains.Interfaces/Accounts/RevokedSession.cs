namespace Chat.Accounts;

/// <summary>A session that was revoked (logout, revoke, password reset, account deletion, refresh replay) and whose user it was.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.revoked-session")]
public sealed record RevokedSession(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] DateTimeOffset RevokedAt);
