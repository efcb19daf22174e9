namespace Chat.Accounts;

/// <summary>A Frontend, told of revoked sessions so it refuses their access tokens and closes their sockets.</summary>
[Alias("chat.accounts.revoked-sessions-observer")]
public interface IRevokedSessionsObserver : IGrainObserver
{
    [Alias("sessions-revoked")]
    Task SessionsRevokedAsync(IReadOnlyList<RevokedSession> sessions);
}
