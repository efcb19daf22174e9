using Chat.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Files.Attachments;

/// <summary>What messages, profiles and groups read and write of <c>files</c> and <c>message_files</c>.</summary>
internal sealed class AttachmentStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Every file a message names, in one round trip, with whether the message a forward copies carries
    /// it (not deleted there). Files that do not exist are simply absent.
    /// </summary>
    public async Task<Dictionary<Guid, StoredFile>> FindForSendAsync(IReadOnlyList<Guid> fileIds, ForwardSource? source)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {FileDescriptionColumns.Sql}, f.deleted_at IS NOT NULL,
                   $2::uuid IS NOT NULL AND EXISTS (
                       SELECT 1 FROM message_files mf
                       WHERE mf.conversation_id = $2 AND mf.seq = $3 AND mf.file_id = f.file_id AND NOT mf.deleted)
            FROM files f WHERE f.file_id = ANY($1)
            """);
        command.Parameters.AddWithValue(fileIds.ToArray());
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)source?.ConversationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)source?.Seq ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        var found = new Dictionary<Guid, StoredFile>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var file = FileDescriptionColumns.Read(reader, 0);
            found[file.FileId] = new StoredFile(file, reader.GetBoolean(FileDescriptionColumns.Count), reader.GetBoolean(FileDescriptionColumns.Count + 1));
        }

        return found;
    }

    /// <summary>
    /// A page of a conversation's files, newest first, from <c>ix_message_files_kind</c>: files of deleted
    /// or expired messages (also those the expiry timer has not emptied yet), deleted files and
    /// messages the reader hid are left out. Reads up to <paramref name="limit"/> plus one album more,
    /// so the caller can end the page on a whole message.
    /// </summary>
    public async Task<List<ConversationFile>> ListAsync(Guid conversationId, Guid readerId, string? kind, long beforeSeq, int limit)
    {
        // One kind is an equality on the index's second column, so the scan comes out in seq order and
        // stops at the limit; every kind (no type asked for) reads the conversation's rows of each.
        var kindFilter = kind is null ? "mf.kind = ANY($2)" : "mf.kind = $2";
        await using var command = dataSource.CreateCommand($"""
            SELECT mf.seq, mf.sender_id, mf.sent_at, {FileDescriptionColumns.Sql}
            FROM message_files mf
            JOIN files f ON f.file_id = mf.file_id AND f.deleted_at IS NULL
            JOIN messages m ON m.conversation_id = mf.conversation_id AND m.seq = mf.seq
                AND m.deleted_at IS NULL AND coalesce(m.expires_at > now(), true)
            WHERE mf.conversation_id = $1 AND {kindFilter} AND NOT mf.deleted AND mf.seq < $3
              AND NOT EXISTS (SELECT 1 FROM hidden_messages h WHERE h.user_id = $4 AND h.conversation_id = mf.conversation_id AND h.seq = mf.seq)
            ORDER BY mf.seq DESC, mf.file_id
            LIMIT $5
            """);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(kind is null ? ListedFileKinds.All.ToArray() : (object)kind);
        command.Parameters.AddWithValue(beforeSeq);
        command.Parameters.AddWithValue(readerId);
        command.Parameters.AddWithValue(limit + AttachmentLimits.MaxFilesPerMessage);
        var items = new List<ConversationFile>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new ConversationFile(
                reader.GetInt64(0), reader.GetGuid(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), FileDescriptionColumns.Read(reader, 3)));
        }

        return items;
    }

    /// <summary>The file an avatar names, if it exists and is not deleted.</summary>
    public async Task<FileDescription?> FindAsync(Guid fileId)
    {
        await using var command = dataSource.CreateCommand($"SELECT {FileDescriptionColumns.Sql} FROM files f WHERE f.file_id = $1 AND f.deleted_at IS NULL");
        command.Parameters.AddWithValue(fileId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? FileDescriptionColumns.Read(reader, 0) : null;
    }

    /// <summary>
    /// Puts a profile's avatar in use, in one transaction: the account row records it, the new file becomes
    /// public (and attached), the replaced one private again unless another profile or group still shows it.
    /// </summary>
    public Task SetProfileAvatarAsync(Guid userId, Guid? avatarFileId, Guid? replacedFileId) =>
        SwapAvatarAsync(
            BatchCommands.Create("UPDATE accounts SET avatar_file_id = $2::uuid WHERE user_id = $1", userId, Nullable(avatarFileId)),
            avatarFileId, replacedFileId);

    /// <summary>As <see cref="SetProfileAvatarAsync"/> for a group's or channel's avatar.</summary>
    public Task SetConversationAvatarAsync(Guid conversationId, Guid? avatarFileId, Guid? replacedFileId) =>
        SwapAvatarAsync(
            BatchCommands.Create("UPDATE conversations SET avatar_file_id = $2::uuid WHERE conversation_id = $1", conversationId, Nullable(avatarFileId)),
            avatarFileId, replacedFileId);

    // One batch is one implicit transaction, and each statement sees the ones before it: the "still in
    // use" test of the replaced file reads the use just recorded.
    private async Task SwapAvatarAsync(NpgsqlBatchCommand recordUse, Guid? avatarFileId, Guid? replacedFileId)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(recordUse);
        if (avatarFileId is { } added)
        {
            batch.BatchCommands.Add(BatchCommands.Create(
                "UPDATE files SET public = true, attached_at = coalesce(attached_at, now()) WHERE file_id = $1", added));
        }

        if (replacedFileId is { } replaced && replaced != avatarFileId)
        {
            batch.BatchCommands.Add(BatchCommands.Create("""
                UPDATE files SET public = false WHERE file_id = $1
                  AND NOT EXISTS (SELECT 1 FROM accounts WHERE avatar_file_id = $1)
                  AND NOT EXISTS (SELECT 1 FROM conversations WHERE avatar_file_id = $1)
                """, replaced));
        }

        await batch.ExecuteNonQueryAsync();
    }

    private static object Nullable(Guid? value) => value is { } id ? id : DBNull.Value;
}
