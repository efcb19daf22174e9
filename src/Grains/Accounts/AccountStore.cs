using Chat.Search.People;
using Chat.Storage;
using Npgsql;

namespace Chat.Accounts;

/// <summary>Account rows, sessions and refresh tokens in Postgres.</summary>
internal sealed class AccountStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";
    private const string ProfileColumns = "user_id, username, display_name, email, created_at";

    /// <summary>What a sign-up's insert ran into.</summary>
    public enum InsertOutcome
    {
        Inserted,
        UsernameTaken,
        EmailTaken,
    }

    /// <summary>
    /// Inserts the account; with <paramref name="claimOnly"/> its address is stored as a claim (see
    /// 0105_account_email_claims.sql) rather than as its unique key.
    /// </summary>
    public async Task<InsertOutcome> TryInsertAccountAsync(Guid userId, Registration registration, string passwordHash, bool claimOnly = false)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO accounts (user_id, username, username_key, email, email_key, password_hash, display_name, claimed_email_key,
                                  username_folded, search_names)
            VALUES ($1, $2, $3, $4, CASE WHEN $8 THEN 'claim:' || $1::text ELSE $5 END, $6, $7, CASE WHEN $8 THEN $5 END, $9, $10::tsvector)
            """);
        var username = registration.Username.Trim();
        var displayName = string.IsNullOrWhiteSpace(registration.DisplayName) ? username : registration.DisplayName.Trim();
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(username);
        command.Parameters.AddWithValue(AccountRules.UsernameKey(registration.Username));
        command.Parameters.AddWithValue(registration.Email.Trim());
        command.Parameters.AddWithValue(AccountRules.EmailKey(registration.Email));
        command.Parameters.AddWithValue(passwordHash);
        command.Parameters.AddWithValue(displayName);
        command.Parameters.AddWithValue(claimOnly);
        command.Parameters.AddWithValue(SearchNames.FoldUsername(username));
        command.Parameters.AddWithValue(SearchNames.Tsvector(SearchNames.Words(username, displayName)));
        try
        {
            await command.ExecuteNonQueryAsync();
            return InsertOutcome.Inserted;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return ex.ConstraintName == "ux_accounts_email_key" ? InsertOutcome.EmailTaken : InsertOutcome.UsernameTaken;
        }
    }

    /// <summary>
    /// The live accounts a login names: by username, by address, or by an address they claimed at
    /// sign-up; the address's owner first, then at most a few claims.
    /// </summary>
    public async Task<IReadOnlyList<(Guid UserId, string PasswordHash, bool TotpEnabled)>> FindCredentialsAsync(string loginKey)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.user_id, a.password_hash, t.confirmed_at IS NOT NULL
            FROM accounts a LEFT JOIN account_totp t ON t.user_id = a.user_id
            WHERE (a.username_key = $1 OR a.email_key = $1 OR a.claimed_email_key = $1) AND a.deleted_at IS NULL
            ORDER BY a.claimed_email_key IS NOT NULL, a.created_at LIMIT 3
            """);
        command.Parameters.AddWithValue(loginKey);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<(Guid, string, bool)>();
        while (await reader.ReadAsync())
        {
            found.Add((reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return found;
    }

    /// <summary>A live account by id: its username, display name and password hash.</summary>
    public async Task<(string Username, string DisplayName, string PasswordHash)?> FindAccountAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT username, display_name, password_hash FROM accounts WHERE user_id = $1 AND deleted_at IS NULL");
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task<UserProfile?> FindByUsernameKeyAsync(string usernameKey)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {ProfileColumns} FROM accounts WHERE username_key = $1 AND deleted_at IS NULL");
        command.Parameters.AddWithValue(usernameKey);
        var found = await ReadProfilesAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<UserProfile>> GetProfilesAsync(IReadOnlyList<Guid> userIds)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ProfileColumns} FROM accounts WHERE user_id = ANY($1)");
        command.Parameters.AddWithValue(userIds.ToArray());
        return await ReadProfilesAsync(command);
    }

    public async Task CreateSessionAsync(Guid sessionId, Guid userId, string deviceName, byte[] tokenHash, DateTimeOffset expiresAt)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommands.Create("INSERT INTO account_sessions (session_id, user_id, device_name) VALUES ($1, $2, $3)", sessionId, userId, deviceName));
        batch.BatchCommands.Add(BatchCommands.Create("INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)", tokenHash, sessionId, expiresAt.UtcDateTime));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Spends a refresh token in one statement, so two concurrent presentations cannot both win.
    /// Returns the session and user if it was live and unspent; otherwise why not.
    /// </summary>
    public async Task<SpendResult> SpendRefreshTokenAsync(byte[] tokenHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            WITH token AS (
                SELECT t.token_hash, t.session_id, t.expires_at, t.spent_at, s.user_id, s.revoked_at
                FROM refresh_tokens t JOIN account_sessions s ON s.session_id = t.session_id
                WHERE t.token_hash = $1
            ), spent AS (
                UPDATE refresh_tokens r SET spent_at = $2
                FROM token
                WHERE r.token_hash = token.token_hash AND r.spent_at IS NULL AND token.revoked_at IS NULL AND token.expires_at > $2
                RETURNING r.token_hash
            )
            SELECT token.session_id, token.user_id, token.spent_at IS NOT NULL, token.revoked_at IS NOT NULL, token.expires_at <= $2,
                   EXISTS (SELECT 1 FROM spent)
            FROM token
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return new SpendResult(SpendOutcome.Unknown, Guid.Empty, Guid.Empty);
        }

        var (sessionId, userId) = (reader.GetGuid(0), reader.GetGuid(1));
        var outcome = reader.GetBoolean(5) ? SpendOutcome.Spent
            : reader.GetBoolean(3) ? SpendOutcome.Revoked
            : reader.GetBoolean(2) ? SpendOutcome.Replayed
            : reader.GetBoolean(4) ? SpendOutcome.Expired
            : SpendOutcome.Replayed;
        return new SpendResult(outcome, sessionId, userId);
    }

    public async Task AddRefreshTokenAsync(Guid sessionId, byte[] tokenHash, DateTimeOffset expiresAt)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommands.Create("INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, $3)", tokenHash, sessionId, expiresAt.UtcDateTime));
        batch.BatchCommands.Add(BatchCommands.Create("UPDATE account_sessions SET last_used_at = now() WHERE session_id = $1", sessionId));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Revokes a live session; returns it as revoked, or null if it was revoked already.</summary>
    public async Task<RevokedSession?> RevokeSessionAsync(Guid sessionId, string reason)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE account_sessions SET revoked_at = now(), revoke_reason = $2 WHERE session_id = $1 AND revoked_at IS NULL RETURNING session_id, user_id, revoked_at");
        command.Parameters.AddWithValue(sessionId);
        command.Parameters.AddWithValue(reason);
        var revoked = await ReadRevokedAsync(command);
        return revoked.Count == 0 ? null : revoked[0];
    }

    /// <summary>Sessions revoked at or after <paramref name="since"/>, for Frontends' backstop reads (ix_account_sessions_revoked).</summary>
    public async Task<IReadOnlyList<RevokedSession>> ListRevokedSessionsSinceAsync(DateTimeOffset since)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT session_id, user_id, revoked_at FROM account_sessions WHERE revoked_at >= $1");
        command.Parameters.AddWithValue(since.UtcDateTime);
        return await ReadRevokedAsync(command);
    }

    /// <summary>Reads <c>session_id, user_id, revoked_at</c> rows (a <c>RETURNING</c> or a select).</summary>
    internal static async Task<IReadOnlyList<RevokedSession>> ReadRevokedAsync(NpgsqlCommand command)
    {
        var revoked = new List<RevokedSession>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            revoked.Add(new RevokedSession(reader.GetGuid(0), reader.GetGuid(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero)));
        }

        return revoked;
    }

    /// <summary>The user's sessions that are not revoked and still hold an unspent, unexpired refresh token.</summary>
    public async Task<IReadOnlyList<SessionInfo>> ListLiveSessionsAsync(Guid userId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.session_id, s.device_name, s.created_at, s.last_used_at
            FROM account_sessions s
            WHERE s.user_id = $1 AND s.revoked_at IS NULL
              AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.session_id AND t.spent_at IS NULL AND t.expires_at > $2)
            ORDER BY s.last_used_at DESC, s.created_at DESC
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        var sessions = new List<SessionInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sessions.Add(new SessionInfo(reader.GetGuid(0), reader.GetString(1),
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero)));
        }

        return sessions;
    }

    /// <summary>Revokes a session only if it belongs to the user and is not revoked yet; null otherwise.</summary>
    public async Task<RevokedSession?> RevokeOwnSessionAsync(Guid userId, Guid sessionId, string reason)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE account_sessions SET revoked_at = now(), revoke_reason = $3 WHERE session_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING session_id, user_id, revoked_at");
        command.Parameters.AddWithValue(sessionId);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(reason);
        var revoked = await ReadRevokedAsync(command);
        return revoked.Count == 0 ? null : revoked[0];
    }

    public async Task<Guid?> FindSessionByTokenAsync(byte[] tokenHash)
    {
        await using var command = dataSource.CreateCommand("SELECT session_id FROM refresh_tokens WHERE token_hash = $1");
        command.Parameters.AddWithValue(tokenHash);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    private static async Task<IReadOnlyList<UserProfile>> ReadProfilesAsync(NpgsqlCommand command)
    {
        var profiles = new List<UserProfile>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            profiles.Add(new UserProfile(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero)));
        }

        return profiles;
    }

    internal enum SpendOutcome { Spent, Unknown, Replayed, Revoked, Expired }

    internal sealed record SpendResult(SpendOutcome Outcome, Guid SessionId, Guid UserId);
}
