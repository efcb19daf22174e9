namespace Chat.Accounts;

/// <summary>
/// Sign-up, login and refresh-token sessions. Stateless: the unique indexes and session rows
/// live in Postgres, so any silo can serve any call.
/// </summary>
[Alias("chat.accounts.directory")]
public interface IAccountDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("register")]
    Task<IssuedSession> RegisterAsync(Registration registration, string deviceName);

    /// <summary>
    /// Checks the password and, when two-factor is on, <paramref name="totpCode"/> (a TOTP or
    /// recovery code); a wrong password or code counts against the login throttle of this
    /// account and <paramref name="sourceAddress"/> (the client address the Frontend saw).
    /// </summary>
    [Alias("login-from")]
    Task<IssuedSession> LoginAsync(string login, string password, string? totpCode, string deviceName, string sourceAddress);

    /// <summary>Spends a refresh token and issues the next one of its family; a replayed token revokes the family.</summary>
    [Alias("refresh")]
    Task<IssuedSession> RefreshAsync(string refreshToken);

    [Alias("logout")]
    Task LogoutAsync(string refreshToken);

    /// <summary>The user's live sessions, most recently used first.</summary>
    [Alias("list-sessions")]
    Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId);

    /// <summary>Revokes one of the user's own live sessions; any other id answers not found.</summary>
    [Alias("revoke-session")]
    Task RevokeSessionAsync(Guid userId, Guid sessionId);

    [Alias("find-by-username")]
    Task<UserProfile?> FindByUsernameAsync(string username);

    [Alias("get-profiles")]
    Task<IReadOnlyList<UserProfile>> GetProfilesAsync(IReadOnlyList<Guid> userIds);
}
