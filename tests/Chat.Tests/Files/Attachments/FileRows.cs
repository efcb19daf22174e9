using Chat.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Tests.Files.Attachments;

/// <summary>
/// Files as the <c>files</c> table holds them (the contract between the uploads and their uses), written
/// straight into a test database, and what messages and avatars did to them read back.
/// </summary>
internal sealed class FileRows(TestDatabase database)
{
    /// <summary>A file whose upload was completed and checked: its sniffed type, kind and size are known.</summary>
    public Task<Guid> CompletedAsync(Guid ownerId, string kind = "image", string contentType = "image/png", string name = "photo.png",
        long size = 1234, string status = "ready", string purpose = "message") =>
        InsertAsync(ownerId, kind, contentType, name, size, status, purpose);

    /// <summary>A file whose upload started and never completed.</summary>
    public Task<Guid> PendingAsync(Guid ownerId, string contentType = "image/png", string name = "photo.png") =>
        InsertAsync(ownerId, kind: null, contentType, name, 1234, "pending", "message");

    /// <summary>Marks a file deleted, as its owner's delete or the account's removal leaves it.</summary>
    public async Task DeleteAsync(Guid fileId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("UPDATE files SET deleted_at = now() WHERE file_id = $1");
        command.Parameters.AddWithValue(fileId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<(Guid ConversationId, long Seq, string Kind, bool Deleted)>> RowsAsync(Guid fileId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand(
            "SELECT conversation_id, seq, kind, deleted FROM message_files WHERE file_id = $1 ORDER BY conversation_id, seq");
        command.Parameters.AddWithValue(fileId);
        var rows = new List<(Guid, long, string, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetBoolean(3)));
        }

        return rows;
    }

    public async Task<(bool Attached, bool Public)> StateAsync(Guid fileId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT attached_at IS NOT NULL, public FROM files WHERE file_id = $1");
        command.Parameters.AddWithValue(fileId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    public async Task<long> MessagesWithClientIdAsync(Guid conversationId, string clientMessageId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM messages WHERE conversation_id = $1 AND client_message_id = $2");
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(clientMessageId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Guid> InsertAsync(Guid ownerId, string? kind, string contentType, string name, long size, string status, string purpose)
    {
        var fileId = Guid.NewGuid();
        var completed = status != "pending";
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO files (file_id, owner_id, purpose, name, declared_size, declared_type, status, content_type, kind, size, object_key,
                               media, previews, completed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14)
            """);
        command.Parameters.AddWithValue(fileId);
        command.Parameters.AddWithValue(ownerId);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(size);
        command.Parameters.AddWithValue(contentType);
        command.Parameters.AddWithValue(status);
        command.Parameters.Add(new NpgsqlParameter { Value = completed ? contentType : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = completed ? size : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.AddWithValue($"files/{fileId}/original");
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = kind == "image" && completed ? """{"width": 640, "height": 480}""" : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Text,
        });
        command.Parameters.AddWithValue(kind == "image" && status == "ready" ? new[] { "320", "1280" } : Array.Empty<string>());
        command.Parameters.Add(new NpgsqlParameter { Value = completed ? DateTime.UtcNow : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
        return fileId;
    }
}
