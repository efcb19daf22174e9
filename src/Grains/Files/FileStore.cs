using Npgsql;
using NpgsqlTypes;

namespace Chat.Files;

/// <summary>
/// The <c>files</c> rows and the <c>user_storage</c> sums they account for. Every change of a file's
/// bytes-on-quota happens in the same transaction as the row change that causes it, so the sums stay exact.
/// </summary>
internal sealed class FileStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        file_id, owner_id, purpose, name, declared_size, declared_type, status, content_type, kind, size,
        object_key, multipart_id, part_size, clean_key, media::text, previews, attached_at, public, created_at
        """;

    /// <summary>
    /// Reserves <paramref name="row"/>'s declared size and inserts the row, in one transaction; when
    /// used + reserved + size would pass <paramref name="quotaBytes"/> nothing is written and the
    /// current numbers are answered instead.
    /// </summary>
    public async Task<StorageUse?> InsertReservingAsync(FileRow row, long quotaBytes)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var ensure = new NpgsqlCommand("INSERT INTO user_storage (user_id) VALUES ($1) ON CONFLICT DO NOTHING", connection, transaction))
        {
            ensure.Parameters.AddWithValue(row.OwnerId);
            await ensure.ExecuteNonQueryAsync();
        }

        // The row lock this UPDATE takes serializes concurrent reservations of one user: the check and the add are one step.
        await using (var reserve = new NpgsqlCommand("""
            UPDATE user_storage SET reserved_bytes = reserved_bytes + $2
            WHERE user_id = $1 AND used_bytes + reserved_bytes + $2 <= $3
            """, connection, transaction))
        {
            reserve.Parameters.AddWithValue(row.OwnerId);
            reserve.Parameters.AddWithValue(row.DeclaredSize);
            reserve.Parameters.AddWithValue(quotaBytes);
            if (await reserve.ExecuteNonQueryAsync() == 0)
            {
                var use = await ReadUseAsync(connection, transaction, row.OwnerId, quotaBytes);
                await transaction.RollbackAsync();
                return use;
            }
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO files (file_id, owner_id, purpose, name, declared_size, declared_type, status, object_key, multipart_id, part_size)
            VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(row.FileId);
            insert.Parameters.AddWithValue(row.OwnerId);
            insert.Parameters.AddWithValue(row.Purpose);
            insert.Parameters.AddWithValue(row.Name);
            insert.Parameters.AddWithValue(row.DeclaredSize);
            insert.Parameters.AddWithValue(row.DeclaredType);
            insert.Parameters.AddWithValue(row.ObjectKey);
            insert.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)row.MultipartId ?? DBNull.Value);
            insert.Parameters.AddWithValue(NpgsqlDbType.Bigint, (object?)row.PartSize ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return null;
    }

    public async Task<FileRow?> FindAsync(Guid fileId)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM files WHERE file_id = $1 AND deleted_at IS NULL");
        command.Parameters.AddWithValue(fileId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public async Task RecordPartAsync(Guid fileId, int partNumber, string etag, long size)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO file_upload_parts (file_id, part_number, etag, size) VALUES ($1, $2, $3, $4)
            ON CONFLICT (file_id, part_number) DO UPDATE SET etag = excluded.etag, size = excluded.size
            """);
        command.Parameters.AddWithValue(fileId);
        command.Parameters.AddWithValue(partNumber);
        command.Parameters.AddWithValue(etag);
        command.Parameters.AddWithValue(size);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<RecordedPart>> ReadPartsAsync(Guid fileId)
    {
        await using var command = dataSource.CreateCommand("SELECT part_number, etag, size FROM file_upload_parts WHERE file_id = $1 ORDER BY part_number");
        command.Parameters.AddWithValue(fileId);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<RecordedPart>();
        while (await reader.ReadAsync())
        {
            parts.Add(new RecordedPart(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return parts;
    }

    /// <summary>
    /// In one transaction: the file becomes processing with what the checks found, its reservation
    /// moves to used, its recorded parts go and its preview job is queued. False if it was no longer pending.
    /// </summary>
    public async Task<bool> MarkCompletedAsync(Guid fileId, string contentType, string kind, long size, string? mediaJson)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Guid owner;
        long declared;
        await using (var update = new NpgsqlCommand("""
            UPDATE files SET status = 'processing', content_type = $2, kind = $3, size = $4, media = $5::jsonb,
                multipart_id = NULL, completed_at = now()
            WHERE file_id = $1 AND status = 'pending' AND deleted_at IS NULL
            RETURNING owner_id, declared_size
            """, connection, transaction))
        {
            update.Parameters.AddWithValue(fileId);
            update.Parameters.AddWithValue(contentType);
            update.Parameters.AddWithValue(kind);
            update.Parameters.AddWithValue(size);
            update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)mediaJson ?? DBNull.Value);
            await using var reader = await update.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return false;
            }

            (owner, declared) = (reader.GetGuid(0), reader.GetInt64(1));
        }

        await using var rest = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    UPDATE user_storage SET reserved_bytes = reserved_bytes - $2, used_bytes = used_bytes + $3, file_count = file_count + 1
                    WHERE user_id = $1
                    """) { Parameters = { new() { Value = owner }, new() { Value = declared }, new() { Value = size } } },
                new NpgsqlBatchCommand("DELETE FROM file_upload_parts WHERE file_id = $1") { Parameters = { new() { Value = fileId } } },
                new NpgsqlBatchCommand("INSERT INTO file_preview_jobs (file_id) VALUES ($1) ON CONFLICT DO NOTHING") { Parameters = { new() { Value = fileId } } },
            },
        };
        await rest.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Deletes the row and gives back its share of the quota (the reservation if pending, the bytes if complete), in one transaction.</summary>
    public async Task<bool> DeleteAsync(Guid fileId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Guid owner;
        string status;
        long declared;
        long? size;
        await using (var delete = new NpgsqlCommand("DELETE FROM files WHERE file_id = $1 RETURNING owner_id, status, declared_size, size", connection, transaction))
        {
            delete.Parameters.AddWithValue(fileId);
            await using var reader = await delete.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return false;
            }

            (owner, status, declared, size) = (reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }

        await using (var release = new NpgsqlCommand(status == FileStatuses.Pending
            ? "UPDATE user_storage SET reserved_bytes = reserved_bytes - $2 WHERE user_id = $1"
            : "UPDATE user_storage SET used_bytes = used_bytes - $2, file_count = file_count - 1 WHERE user_id = $1", connection, transaction))
        {
            release.Parameters.AddWithValue(owner);
            release.Parameters.AddWithValue(status == FileStatuses.Pending ? declared : size ?? declared);
            await release.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Whether <paramref name="userId"/> is a member of a conversation where a message that is not deleted or expired carries the file.</summary>
    public async Task<bool> IsSharedWithAsync(Guid fileId, Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (
                SELECT 1 FROM message_files f
                JOIN conversation_members m ON m.conversation_id = f.conversation_id AND m.user_id = $2
                -- A self-destructing message is gone at its expiry, before its timer marks the row deleted.
                JOIN messages msg ON msg.conversation_id = f.conversation_id AND msg.seq = f.seq
                WHERE f.file_id = $1 AND NOT f.deleted AND (msg.expires_at IS NULL OR msg.expires_at > now()))
            """);
        command.Parameters.AddWithValue(fileId);
        command.Parameters.AddWithValue(userId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<StorageUse> ReadUseAsync(Guid userId, long quotaBytes)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await ReadUseAsync(connection, null, userId, quotaBytes);
    }

    /// <summary>The unattached files created before <paramref name="cutoff"/> (pending uploads among them).</summary>
    public async Task<IReadOnlyList<Guid>> FindOrphansAsync(DateTimeOffset cutoff, int limit)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT file_id FROM files WHERE attached_at IS NULL AND deleted_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2");
        command.Parameters.AddWithValue(cutoff);
        command.Parameters.AddWithValue(limit);
        return await ReadIdsAsync(command);
    }

    public async Task<IReadOnlyList<Guid>> FindOwnedAsync(Guid ownerId)
    {
        await using var command = dataSource.CreateCommand("SELECT file_id FROM files WHERE owner_id = $1");
        command.Parameters.AddWithValue(ownerId);
        return await ReadIdsAsync(command);
    }

    private static async Task<IReadOnlyList<Guid>> ReadIdsAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<StorageUse> ReadUseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, long quotaBytes)
    {
        await using var command = new NpgsqlCommand("SELECT used_bytes, reserved_bytes, file_count FROM user_storage WHERE user_id = $1", connection, transaction);
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StorageUse(reader.GetInt64(0), reader.GetInt64(1), quotaBytes, reader.GetInt32(2))
            : new StorageUse(0, 0, quotaBytes, 0);
    }

    private static FileRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
        reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8), reader.IsDBNull(9) ? null : reader.GetInt64(9),
        reader.GetString(10), NullableString(reader, 11), reader.IsDBNull(12) ? null : reader.GetInt64(12), NullableString(reader, 13),
        NullableString(reader, 14), reader.GetFieldValue<string[]>(15), reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
        reader.GetBoolean(17), reader.GetFieldValue<DateTimeOffset>(18));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
