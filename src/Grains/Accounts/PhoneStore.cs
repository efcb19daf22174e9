using Npgsql;

namespace Chat.Accounts;

/// <summary>Accounts' phone numbers and texted codes (hashes only) in Postgres.</summary>
internal sealed class PhoneStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";

    /// <summary>The live account whose verified number this is, if any.</summary>
    public async Task<Guid?> FindVerifiedOwnerAsync(string phone)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.user_id FROM account_phones p JOIN accounts a ON a.user_id = p.user_id
            WHERE p.phone = $1 AND a.deleted_at IS NULL
            """);
        command.Parameters.AddWithValue(phone);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    public async Task<string?> FindPendingPhoneAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("SELECT pending_phone FROM account_phones WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>
    /// Stores a code for a live account unless <paramref name="maxPerHour"/> codes went to this number
    /// in the last hour, and for a verification makes the number the account's pending one, in one
    /// transaction; false (nothing written) when over the limit.
    /// </summary>
    public async Task<bool> TryIssueAsync(Guid userId, string phone, string purpose, byte[] codeHash, DateTimeOffset expiresAt, int maxPerHour)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var issue = new NpgsqlCommand("""
            INSERT INTO account_phone_codes (code_id, user_id, phone, purpose, code_hash, expires_at)
            SELECT $1, a.user_id, $3, $4, $5, $6 FROM accounts a
            WHERE a.user_id = $2 AND a.deleted_at IS NULL
              AND (SELECT count(*) FROM account_phone_codes c WHERE c.phone = $3 AND c.created_at > now() - interval '1 hour') < $7
            """, connection, transaction))
        {
            issue.Parameters.AddWithValue(Guid.NewGuid());
            issue.Parameters.AddWithValue(userId);
            issue.Parameters.AddWithValue(phone);
            issue.Parameters.AddWithValue(purpose);
            issue.Parameters.AddWithValue(codeHash);
            issue.Parameters.AddWithValue(expiresAt.UtcDateTime);
            issue.Parameters.AddWithValue(maxPerHour);
            if (await issue.ExecuteNonQueryAsync() != 1)
            {
                return false;
            }
        }

        if (purpose == PhoneCodePurposes.VerifyPhone)
        {
            await using var pending = new NpgsqlCommand("""
                INSERT INTO account_phones (user_id, pending_phone) VALUES ($1, $2)
                ON CONFLICT (user_id) DO UPDATE SET pending_phone = excluded.pending_phone
                """, connection, transaction);
            pending.Parameters.AddWithValue(userId);
            pending.Parameters.AddWithValue(phone);
            await pending.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>The newest code sent to this number for this purpose (for a verification: by this user), live or not.</summary>
    public async Task<PhoneCodeRecord?> FindNewestCodeAsync(string phone, string purpose, Guid? userId, DateTimeOffset now, int maxAttempts)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT code_id, user_id, code_hash, used_at IS NULL AND expires_at > $4 AND failed_attempts < $5
            FROM account_phone_codes
            WHERE phone = $1 AND purpose = $2 AND ($3::uuid IS NULL OR user_id = $3)
            ORDER BY created_at DESC LIMIT 1
            """);
        command.Parameters.AddWithValue(phone);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.Add(new NpgsqlParameter { Value = userId.HasValue ? userId.Value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(maxAttempts);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new PhoneCodeRecord(reader.GetGuid(0), reader.GetGuid(1), (byte[])reader[2], reader.GetBoolean(3)) : null;
    }

    public async Task RecordFailedAttemptAsync(Guid codeId)
    {
        await using var command = dataSource.CreateCommand("UPDATE account_phone_codes SET failed_attempts = failed_attempts + 1 WHERE code_id = $1");
        command.Parameters.AddWithValue(codeId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Spends the code if it is still live, in one statement so two presentations cannot both win.</summary>
    public async Task<bool> TrySpendAsync(Guid codeId, DateTimeOffset now, int maxAttempts)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE account_phone_codes SET used_at = $2
            WHERE code_id = $1 AND used_at IS NULL AND expires_at > $2 AND failed_attempts < $3
            """);
        command.Parameters.AddWithValue(codeId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(maxAttempts);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Makes the pending number the verified one; false if another account verified it first.</summary>
    public async Task<bool> TryConfirmAsync(Guid userId, string phone)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE account_phones SET phone = $2, verified_at = now(), pending_phone = NULL WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(phone);
        try
        {
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return false;
        }
    }
}
