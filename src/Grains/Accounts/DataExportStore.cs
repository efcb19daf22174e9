using Npgsql;

namespace Chat.Accounts;

/// <summary>Export rows and the queries that gather a user's data, each answering one JSON document built by Postgres.</summary>
internal sealed class DataExportStore(NpgsqlDataSource dataSource)
{
    /// <summary>The JSON files of an export from the database, by file name; each query takes the user id as $1.</summary>
    public static readonly IReadOnlyDictionary<string, string> Documents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["account.json"] = """
            SELECT coalesce(row_to_json(x)::text, 'null') FROM (
                SELECT a.user_id AS "userId", a.username, a.email, a.email_verified_at AS "emailVerifiedAt",
                       a.display_name AS "displayName", a.created_at AS "createdAt", p.phone, p.verified_at AS "phoneVerifiedAt",
                       t.confirmed_at IS NOT NULL AS "twoFactorEnabled"
                FROM accounts a LEFT JOIN account_phones p ON p.user_id = a.user_id LEFT JOIN account_totp t ON t.user_id = a.user_id
                WHERE a.user_id = $1) x
            """,
        ["sessions.json"] = """
            SELECT coalesce(json_agg(x ORDER BY x."createdAt")::text, '[]') FROM (
                SELECT session_id AS "sessionId", device_name AS "deviceName", created_at AS "createdAt",
                       last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", revoke_reason AS "revokeReason"
                FROM account_sessions WHERE user_id = $1) x
            """,
        ["conversations.json"] = """
            SELECT coalesce(json_agg(x ORDER BY x."joinedAt")::text, '[]') FROM (
                SELECT m.conversation_id AS "conversationId", c.type, c.name, m.role, m.joined_at AS "joinedAt",
                       m.read_seq AS "readSeq", m.delivered_seq AS "deliveredSeq"
                FROM conversation_members m JOIN conversations c ON c.conversation_id = m.conversation_id
                WHERE m.user_id = $1) x
            """,
        ["messages.json"] = """
            SELECT coalesce(json_agg(x ORDER BY x."sentAt", x.seq)::text, '[]') FROM (
                SELECT conversation_id AS "conversationId", seq, message_id AS "messageId", type,
                       CASE WHEN expires_at <= now() THEN '' ELSE content END AS content,
                       CASE WHEN expires_at <= now() THEN NULL ELSE metadata END AS metadata,
                       reply_to_seq AS "replyToSeq", sent_at AS "sentAt", edited_at AS "editedAt",
                       coalesce(deleted_at, CASE WHEN expires_at <= now() THEN expires_at END) AS "deletedAt"
                FROM messages WHERE sender_id = $1) x
            """,
        ["bookmarks.json"] = """
            SELECT coalesce(json_agg(x ORDER BY x."createdAt")::text, '[]') FROM (
                SELECT conversation_id AS "conversationId", seq, created_at AS "createdAt" FROM bookmarks WHERE user_id = $1) x
            """,
        ["scheduled-messages.json"] = """
            SELECT coalesce(json_agg(x ORDER BY x."sendAt")::text, '[]') FROM (
                SELECT scheduled_id AS "scheduledId", conversation_id AS "conversationId", type, content, metadata,
                       reply_to_seq AS "replyToSeq", send_at AS "sendAt", expires_in_seconds AS "expiresInSeconds"
                FROM scheduled_messages WHERE sender_id = $1) x
            """,
    };

    /// <summary>
    /// Records a pending export unless the user has one still building (younger than <paramref name="buildTime"/>)
    /// or <paramref name="perDay"/> in the last day; serialised per user by an advisory lock.
    /// Answers null when created, else how long to wait.
    /// </summary>
    public async Task<TimeSpan?> TryCreateAsync(Guid exportId, Guid userId, int perDay, TimeSpan buildTime)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended('account_exports:' || $1::text, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue(userId);
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using (var check = new NpgsqlCommand(
            """
            SELECT (SELECT max(created_at) FROM account_exports WHERE user_id = $1 AND completed_at IS NULL AND created_at > now() - $2),
                   (SELECT count(*) FROM account_exports WHERE user_id = $1 AND created_at > now() - interval '1 day'),
                   (SELECT min(created_at) FROM account_exports WHERE user_id = $1 AND created_at > now() - interval '1 day'),
                   now()
            """, connection, transaction))
        {
            check.Parameters.AddWithValue(userId);
            check.Parameters.AddWithValue(buildTime);
            await using var reader = await check.ExecuteReaderAsync();
            await reader.ReadAsync();
            var now = reader.GetFieldValue<DateTimeOffset>(3);
            if (!reader.IsDBNull(0))
            {
                return reader.GetFieldValue<DateTimeOffset>(0) + buildTime - now;
            }

            if (reader.GetInt64(1) >= perDay)
            {
                return reader.GetFieldValue<DateTimeOffset>(2) + TimeSpan.FromDays(1) - now;
            }
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO account_exports (export_id, user_id) VALUES ($1, $2) ON CONFLICT (export_id) DO NOTHING", connection, transaction))
        {
            insert.Parameters.AddWithValue(exportId);
            insert.Parameters.AddWithValue(userId);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return null;
    }

    /// <summary>Whose export this is and whether its content is written; null if there is no such export.</summary>
    public async Task<(Guid UserId, bool Ready)?> FindAsync(Guid exportId)
    {
        await using var command = dataSource.CreateCommand("SELECT user_id, completed_at IS NOT NULL FROM account_exports WHERE export_id = $1");
        command.Parameters.AddWithValue(exportId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetBoolean(1)) : null;
    }

    public async Task<byte[]> ReadContentAsync(Guid exportId)
    {
        await using var command = dataSource.CreateCommand("SELECT content FROM account_exports WHERE export_id = $1");
        command.Parameters.AddWithValue(exportId);
        return await command.ExecuteScalarAsync() as byte[] ?? [];
    }

    public async Task CompleteAsync(Guid exportId, byte[] content)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE account_exports SET content = $2, completed_at = now() WHERE export_id = $1 AND completed_at IS NULL");
        command.Parameters.AddWithValue(exportId);
        command.Parameters.AddWithValue(content);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string> ReadDocumentAsync(string sql, Guid userId)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(userId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
