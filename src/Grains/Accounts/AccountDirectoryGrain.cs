using System.Security.Cryptography;
using Chat.Errors;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Chat.Accounts;

/// <summary>Sign-up, login and refresh-token rotation; stateless, any silo serves any call.</summary>
[StatelessWorker]
internal sealed partial class AccountDirectoryGrain(AccountStore store, TimeProvider time, ILogger<AccountDirectoryGrain> logger)
    : Grain, IAccountDirectoryGrain
{
    // Verifying against this when a login names no account keeps the answer time the same either way.
    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public async Task<IssuedSession> RegisterAsync(Registration registration, string deviceName)
    {
        AccountRules.ValidateRegistration(registration);
        var userId = Guid.NewGuid();
        var hash = PasswordHasher.Hash(registration.Password);
        var outcome = await store.TryInsertAccountAsync(userId, registration, hash);

        // An address another account holds gets the same answer as a free one (usernames are public
        // anyway): the account is made with the address as an unverifiable claim, and the
        // verification step mails the address's owner a note instead of a link.
        if (outcome == AccountStore.InsertOutcome.EmailTaken)
        {
            outcome = await store.TryInsertAccountAsync(userId, registration, hash, claimOnly: true);
            if (outcome == AccountStore.InsertOutcome.Inserted)
            {
                LogAddressClaimed(logger, userId);
            }
        }

        if (outcome != AccountStore.InsertOutcome.Inserted)
        {
            throw ChatException.Conflict("username is already taken");
        }

        LogRegistered(logger, userId);
        return await StartSessionAsync(userId, deviceName);
    }

    public async Task<IssuedSession> LoginAsync(string login, string password, string? totpCode, string deviceName, string sourceAddress)
    {
        var loginKey = AccountRules.UsernameKey(login);
        var throttle = GrainFactory.Reference<ILoginThrottleGrain>(loginKey);
        if (await throttle.CheckAsync(sourceAddress) is { } wait)
        {
            throw ChatException.RateLimited("too many failed logins for this account from here; try again later", wait);
        }

        var credentials = await MatchPasswordAsync(loginKey, password);
        if (credentials is null)
        {
            await throttle.RecordFailureAsync(sourceAddress);
            LogLoginFailed(logger);
            throw ChatException.Unauthorized("wrong login or password");
        }

        var userId = credentials.Value.UserId;
        if (credentials.Value.TotpEnabled)
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                throw new ChatException(ErrorCodes.TotpRequired, "a two-factor code is required");
            }

            if (!await GrainFactory.Reference<ITwoFactorGrain>(userId).TryUseLoginCodeAsync(totpCode))
            {
                await throttle.RecordFailureAsync(sourceAddress);
                LogSecondFactorFailed(logger, userId);
                throw ChatException.Unauthorized("wrong or already used two-factor code");
            }
        }

        await throttle.RecordSuccessAsync(sourceAddress);
        return await StartSessionAsync(userId, deviceName);
    }

    /// <summary>The account the login names whose password this is: the owner of an address first, then its claims.</summary>
    private async Task<(Guid UserId, string PasswordHash, bool TotpEnabled)?> MatchPasswordAsync(string loginKey, string password)
    {
        var candidates = await store.FindCredentialsAsync(loginKey);
        if (candidates.Count == 0)
        {
            PasswordHasher.Verify(password, DummyHash.Value);
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (PasswordHasher.Verify(password, candidate.PasswordHash))
            {
                return candidate;
            }
        }

        return null;
    }

    public async Task<IssuedSession> RefreshAsync(string refreshToken)
    {
        var tokenHash = HashToken(refreshToken);

        // Checked before spending, so a refused refresh leaves the token usable once the wait is over.
        if (await store.FindSessionByTokenAsync(tokenHash) is { } sessionId
            && await GrainFactory.Reference<IRefreshThrottleGrain>(sessionId).TryAcquireAsync() is { } wait)
        {
            throw ChatException.RateLimited($"at most {Limits.MaxRefreshesPerSessionPerWindow} refreshes per session per minute", wait);
        }

        var now = time.GetUtcNow();
        var result = await store.SpendRefreshTokenAsync(tokenHash, now);
        switch (result.Outcome)
        {
            case AccountStore.SpendOutcome.Spent:
                var next = NewToken();
                await store.AddRefreshTokenAsync(result.SessionId, HashToken(next), now + Limits.RefreshTokenLifetime);
                return new IssuedSession(result.UserId, result.SessionId, next);
            case AccountStore.SpendOutcome.Replayed:
                // A spent token presented again means it leaked: end the whole family.
                await AnnounceAsync(await store.RevokeSessionAsync(result.SessionId, "refresh token replayed"));
                LogReplay(logger, result.SessionId, result.UserId);
                throw ChatException.Unauthorized("refresh token was already used; the session is revoked");
            default:
                throw ChatException.Unauthorized("refresh token is not valid");
        }
    }

    public async Task LogoutAsync(string refreshToken)
    {
        if (await store.FindSessionByTokenAsync(HashToken(refreshToken)) is { } sessionId)
        {
            await AnnounceAsync(await store.RevokeSessionAsync(sessionId, "logout"));
        }
    }

    public Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(Guid userId) => store.ListLiveSessionsAsync(userId, time.GetUtcNow());

    public async Task RevokeSessionAsync(Guid userId, Guid sessionId)
    {
        var revoked = await store.RevokeOwnSessionAsync(userId, sessionId, "revoked by user") ?? throw ChatException.NotFound("no such session");
        await AnnounceAsync(revoked);

        LogSessionRevoked(logger, sessionId, userId);
    }

    public Task<UserProfile?> FindByUsernameAsync(string username) => store.FindByUsernameKeyAsync(AccountRules.UsernameKey(username));

    public Task<IReadOnlyList<UserProfile>> GetProfilesAsync(IReadOnlyList<Guid> userIds) => store.GetProfilesAsync(userIds);

    private async Task<IssuedSession> StartSessionAsync(Guid userId, string deviceName)
    {
        var sessionId = Guid.NewGuid();
        var token = NewToken();
        var device = deviceName.Length > Limits.MaxDeviceNameChars ? deviceName[..Limits.MaxDeviceNameChars] : deviceName;
        await store.CreateSessionAsync(sessionId, userId, device, HashToken(token), time.GetUtcNow() + Limits.RefreshTokenLifetime);
        return new IssuedSession(userId, sessionId, token);
    }

    private Task AnnounceAsync(RevokedSession? revoked) =>
        revoked is null ? Task.CompletedTask : SessionRevocations.AnnounceAsync(GrainFactory, [revoked], logger);

    private static string NewToken() => OpaqueToken.New();

    private static byte[] HashToken(string token) => OpaqueToken.Hash(token);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered user {UserId}")]
    private static partial void LogRegistered(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed up with an address another account holds; kept as an unverifiable claim")]
    private static partial void LogAddressClaimed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Login failed")]
    private static partial void LogLoginFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Login failed on the second factor for user {UserId}")]
    private static partial void LogSecondFactorFailed(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} of user {UserId} revoked by its user")]
    private static partial void LogSessionRevoked(ILogger logger, Guid sessionId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token replayed: revoked session {SessionId} of user {UserId}")]
    private static partial void LogReplay(ILogger logger, Guid sessionId, Guid userId);
}
