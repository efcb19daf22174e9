using Npgsql;

namespace Chat.Accounts;

/// <summary>TOTP secrets, the last used time step and recovery-code hashes in Postgres.</summary>
internal sealed class TwoFactorStore(NpgsqlDataSource dataSource)
{
    public async Task<TotpRecord?> FindAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT secret, confirmed_at IS NOT NULL, last_used_step FROM account_totp WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new TotpRecord((byte[])reader[0], reader.GetBoolean(1), reader.GetInt64(2)) : null;
    }

    /// <summary>Stores a new pending secret unless two-factor is already confirmed; false if it is.</summary>
    public async Task<bool> SavePendingAsync(Guid userId, byte[] secret)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO account_totp (user_id, secret) VALUES ($1, $2)
            ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = now(), last_used_step = 0
            WHERE account_totp.confirmed_at IS NULL
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(secret);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Confirms the pending secret the code was checked against and replaces the recovery codes, in
    /// one transaction; false (and nothing written) if the pending secret changed meanwhile.
    /// </summary>
    public async Task<bool> ConfirmAsync(Guid userId, byte[] secret, long usedStep, IReadOnlyList<byte[]> recoveryCodeHashes)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var confirm = new NpgsqlCommand(
            "UPDATE account_totp SET confirmed_at = now(), last_used_step = $3 WHERE user_id = $1 AND secret = $2 AND confirmed_at IS NULL",
            connection, transaction))
        {
            confirm.Parameters.AddWithValue(userId);
            confirm.Parameters.AddWithValue(secret);
            confirm.Parameters.AddWithValue(usedStep);
            if (await confirm.ExecuteNonQueryAsync() != 1)
            {
                return false;
            }
        }

        await using (var replace = new NpgsqlCommand("""
            WITH cleared AS (DELETE FROM account_recovery_codes WHERE user_id = $1)
            INSERT INTO account_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])
            """, connection, transaction))
        {
            replace.Parameters.AddWithValue(userId);
            replace.Parameters.AddWithValue(recoveryCodeHashes.ToArray());
            await replace.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Records <paramref name="step"/> as used if it is later than the last used one; false if a code of it (or later) was already used.</summary>
    public async Task<bool> TryAdvanceStepAsync(Guid userId, long step)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE account_totp SET last_used_step = $2 WHERE user_id = $1 AND confirmed_at IS NOT NULL AND last_used_step < $2");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(step);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Spends an unused recovery code; false if there is no such unused code.</summary>
    public async Task<bool> TryUseRecoveryCodeAsync(Guid userId, byte[] codeHash)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE account_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(codeHash);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task DeleteAsync(Guid userId)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM account_recovery_codes WHERE user_id = $1") { Parameters = { new() { Value = userId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM account_totp WHERE user_id = $1") { Parameters = { new() { Value = userId } } });
        await batch.ExecuteNonQueryAsync();
    }
}
