using Npgsql;

namespace Chat.Accounts;

/// <summary>Erases an account's personal data in Postgres, keeping the row as a tombstone that messages' sender ids resolve to.</summary>
internal sealed class AccountErasureStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// In one transaction: replaces the names, email and password by the tombstone (freeing the
    /// unique keys), revokes every session and deletes two-factor secrets, recovery codes, email and
    /// phone tokens, the phone number, exports, bookmarks, scheduled messages and search history. Returns the sessions it
    /// revoked; null if the account was already gone.
    /// </summary>
    public async Task<IReadOnlyList<RevokedSession>?> EraseAsync(Guid userId)
    {
        var tombstone = DeletedAccounts.Tombstone(userId);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var account = new NpgsqlCommand("""
            UPDATE accounts SET username = $2, username_key = $2, email = $2, email_key = $2, password_hash = '',
                display_name = $3, email_verified_at = NULL, deleted_at = now(), username_folded = NULL, search_names = NULL
            WHERE user_id = $1 AND deleted_at IS NULL
            """, connection, transaction))
        {
            account.Parameters.AddWithValue(userId);
            account.Parameters.AddWithValue(tombstone);
            account.Parameters.AddWithValue(DeletedAccounts.DisplayName);
            if (await account.ExecuteNonQueryAsync() != 1)
            {
                return null;
            }
        }

        IReadOnlyList<RevokedSession> revoked;
        await using (var sessions = new NpgsqlCommand(
            "UPDATE account_sessions SET revoked_at = now(), revoke_reason = 'account deleted' WHERE user_id = $1 AND revoked_at IS NULL RETURNING session_id, user_id, revoked_at",
            connection, transaction))
        {
            sessions.Parameters.AddWithValue(userId);
            revoked = await AccountStore.ReadRevokedAsync(sessions);
        }

        await using var rest = new NpgsqlBatch(connection, transaction);
        foreach (var sql in (string[])[
            "DELETE FROM account_recovery_codes WHERE user_id = $1",
            "DELETE FROM account_totp WHERE user_id = $1",
            "DELETE FROM account_email_tokens WHERE user_id = $1",
            "DELETE FROM account_phone_codes WHERE user_id = $1",
            "DELETE FROM account_phones WHERE user_id = $1",
            "DELETE FROM account_exports WHERE user_id = $1",
            "DELETE FROM bookmarks WHERE user_id = $1",
            "DELETE FROM scheduled_messages WHERE sender_id = $1",
            "DELETE FROM contact_consents WHERE user_id = $1 OR contact_id = $1",
            "DELETE FROM search_history WHERE user_id = $1",
        ])
        {
            rest.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = userId } } });
        }

        await rest.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return revoked;
    }

    public async Task<bool> IsErasedAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("SELECT deleted_at IS NOT NULL FROM accounts WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteScalarAsync() is true;
    }
}
