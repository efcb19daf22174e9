using Npgsql;

namespace Chat.Accounts;

/// <summary>Email verification and password-reset tokens (hashes only) in Postgres, and what spending them changes.</summary>
internal sealed class EmailTokenStore(NpgsqlDataSource dataSource)
{
    /// <summary>The live account with this email key: id, username, email as typed, and whether it is verified.</summary>
    public async Task<(Guid UserId, string Username, string Email, bool Verified)?> FindByEmailKeyAsync(string emailKey) =>
        await FindAsync("email_key = $1", emailKey);

    public async Task<(Guid UserId, string Username, string Email, bool Verified)?> FindByIdAsync(Guid userId) =>
        await FindAsync("user_id = $1", userId);

    /// <summary>
    /// Stores a token for the account's current email unless <paramref name="maxPerHour"/> of this
    /// purpose were issued in the last hour; false (nothing stored) if so.
    /// </summary>
    public async Task<bool> TryIssueAsync(Guid userId, string purpose, byte[] tokenHash, DateTimeOffset expiresAt, int maxPerHour)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO account_email_tokens (token_hash, user_id, purpose, email_key, expires_at)
            SELECT $1, a.user_id, $3, a.email_key, $4 FROM accounts a
            WHERE a.user_id = $2 AND a.deleted_at IS NULL
              AND (SELECT count(*) FROM account_email_tokens t
                   WHERE t.user_id = $2 AND t.purpose = $3 AND t.created_at > now() - interval '1 hour') < $5
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(expiresAt.UtcDateTime);
        command.Parameters.AddWithValue(maxPerHour);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// In one transaction: spends a live reset token still bound to the account's email, sets the new
    /// password hash, spends the user's other reset tokens and revokes every session (returned). Null if the token is not live.
    /// </summary>
    public async Task<(Guid UserId, IReadOnlyList<RevokedSession> Revoked)?> ResetPasswordAsync(byte[] tokenHash, string passwordHash, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Guid userId;
        await using (var spend = new NpgsqlCommand("""
            UPDATE account_email_tokens t SET used_at = $3
            FROM accounts a
            WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3
              AND a.user_id = t.user_id AND a.email_key = t.email_key AND a.deleted_at IS NULL
            RETURNING t.user_id
            """, connection, transaction))
        {
            spend.Parameters.AddWithValue(tokenHash);
            spend.Parameters.AddWithValue(EmailTokenPurposes.ResetPassword);
            spend.Parameters.AddWithValue(now.UtcDateTime);
            if (await spend.ExecuteScalarAsync() is not Guid spentBy)
            {
                return null;
            }

            userId = spentBy;
        }

        IReadOnlyList<RevokedSession> revoked;
        await using (var apply = new NpgsqlCommand("""
            WITH others AS (
                UPDATE account_email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $4 AND used_at IS NULL
            ), password AS (
                UPDATE accounts SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) WHERE user_id = $1
            )
            UPDATE account_sessions SET revoked_at = now(), revoke_reason = 'password reset' WHERE user_id = $1 AND revoked_at IS NULL
            RETURNING session_id, user_id, revoked_at
            """, connection, transaction))
        {
            apply.Parameters.AddWithValue(userId);
            apply.Parameters.AddWithValue(passwordHash);
            apply.Parameters.AddWithValue(now.UtcDateTime);
            apply.Parameters.AddWithValue(EmailTokenPurposes.ResetPassword);
            revoked = await AccountStore.ReadRevokedAsync(apply);
        }

        await transaction.CommitAsync();
        return (userId, revoked);
    }

    /// <summary>Spends a live verification token still bound to the account's email and marks the email verified; null if the token is not live.</summary>
    public async Task<Guid?> VerifyEmailAsync(byte[] tokenHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            WITH spent AS (
                UPDATE account_email_tokens t SET used_at = $3
                FROM accounts a
                WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3
                  AND a.user_id = t.user_id AND a.email_key = t.email_key AND a.deleted_at IS NULL
                RETURNING t.user_id
            )
            UPDATE accounts SET email_verified_at = coalesce(email_verified_at, now())
            WHERE user_id IN (SELECT user_id FROM spent)
            RETURNING user_id
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(EmailTokenPurposes.VerifyEmail);
        command.Parameters.AddWithValue(now.UtcDateTime);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    /// <summary>Whether the account's address is only a claim on another account's (0105_account_email_claims.sql).</summary>
    public async Task<bool> IsAddressClaimAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("SELECT claimed_email_key IS NOT NULL FROM accounts WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteScalarAsync() is true;
    }

    private async Task<(Guid UserId, string Username, string Email, bool Verified)?> FindAsync(string condition, object value)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT user_id, username, email, email_verified_at IS NOT NULL FROM accounts WHERE {condition} AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)) : null;
    }
}
