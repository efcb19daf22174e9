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

    [Alias("login")]
    Task<IssuedSession> LoginAsync(string login, string password, string deviceName);

    /// <summary>Spends a refresh token and issues the next one of its family; a replayed token revokes the family.</summary>
    [Alias("refresh")]
    Task<IssuedSession> RefreshAsync(string refreshToken);

    [Alias("logout")]
    Task LogoutAsync(string refreshToken);

    [Alias("find-by-username")]
    Task<UserProfile?> FindByUsernameAsync(string username);

    [Alias("get-profiles")]
    Task<IReadOnlyList<UserProfile>> GetProfilesAsync(IReadOnlyList<Guid> userIds);
}
