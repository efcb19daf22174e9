using Chat.Search.Indexing;
using Chat.Storage;
using Npgsql;

namespace Chat.Conversations;

/// <summary>What happens to messages after they are sent: edits, deletes, reactions, hiding and bookmarks.</summary>
internal sealed class MessageActionStore(NpgsqlDataSource dataSource, SearchIndexSignal searchSignal)
{
    public async Task EditAsync(Guid conversationId, long seq, string content, DateTimeOffset editedAt)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE messages SET content = $3, edited_at = $4 WHERE conversation_id = $1 AND seq = $2 AND deleted_at IS NULL");
        AddKey(command, conversationId, seq);
        command.Parameters.AddWithValue(content);
        command.Parameters.AddWithValue(editedAt.UtcDateTime);
        await command.ExecuteNonQueryAsync();
        searchSignal.Poke();
    }

    /// <summary>
    /// Deletes for everyone: the row stays (seq has no gaps) but its content and metadata are erased, and
    /// the files it carried are hidden from the members at once (their owner keeps them).
    /// </summary>
    public async Task DeleteForEveryoneAsync(Guid conversationId, long seq, DateTimeOffset deletedAt)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommands.Create(
            "UPDATE messages SET content = '', metadata = NULL, deleted_at = $3, expires_at = NULL WHERE conversation_id = $1 AND seq = $2",
            conversationId, seq, deletedAt.UtcDateTime));
        batch.BatchCommands.Add(BatchCommands.Create("DELETE FROM message_reactions WHERE conversation_id = $1 AND seq = $2", conversationId, seq));
        batch.BatchCommands.Add(BatchCommands.Create("UPDATE message_files SET deleted = true WHERE conversation_id = $1 AND seq = $2", conversationId, seq));
        await batch.ExecuteNonQueryAsync();
        searchSignal.Poke();
    }

    /// <summary>Mirrors a pin in <c>pinned_messages</c>, which <c>is:pinned</c> joins (the grain's state still serves the pins list).</summary>
    public async Task SetPinnedAsync(Guid conversationId, long seq, bool pinned)
    {
        await using var command = dataSource.CreateCommand(pinned
            ? "INSERT INTO pinned_messages (conversation_id, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING"
            : "DELETE FROM pinned_messages WHERE conversation_id = $1 AND seq = $2");
        AddKey(command, conversationId, seq);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Makes <c>pinned_messages</c> hold exactly <paramref name="seqs"/> for the conversation.</summary>
    public async Task MirrorPinsAsync(Guid conversationId, IReadOnlyCollection<long> seqs)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommands.Create(
            "DELETE FROM pinned_messages WHERE conversation_id = $1 AND NOT (seq = ANY($2))", conversationId, seqs.ToArray()));
        batch.BatchCommands.Add(BatchCommands.Create(
            "INSERT INTO pinned_messages (conversation_id, seq) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING", conversationId, seqs.ToArray()));
        await batch.ExecuteNonQueryAsync();
    }

    public async Task HideAsync(Guid userId, Guid conversationId, long seq)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO hidden_messages (user_id, conversation_id, seq) VALUES ($3, $1, $2) ON CONFLICT DO NOTHING");
        AddKey(command, conversationId, seq);
        command.Parameters.AddWithValue(userId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Toggles in one statement; returns true if the reaction is now present.</summary>
    public async Task<bool> ToggleReactionAsync(Guid conversationId, long seq, Guid userId, string emoji)
    {
        await using var command = dataSource.CreateCommand("""
            WITH removed AS (
                DELETE FROM message_reactions WHERE conversation_id = $1 AND seq = $2 AND user_id = $3 AND emoji = $4 RETURNING 1
            ), added AS (
                INSERT INTO message_reactions (conversation_id, seq, user_id, emoji)
                SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM removed)
                ON CONFLICT DO NOTHING RETURNING 1
            )
            SELECT EXISTS (SELECT 1 FROM added)
            """);
        AddKey(command, conversationId, seq);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(emoji);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task SetBookmarkAsync(Guid userId, Guid conversationId, long seq, bool bookmarked)
    {
        await using var command = dataSource.CreateCommand(bookmarked
            ? "INSERT INTO bookmarks (user_id, conversation_id, seq) VALUES ($3, $1, $2) ON CONFLICT DO NOTHING"
            : "DELETE FROM bookmarks WHERE user_id = $3 AND conversation_id = $1 AND seq = $2");
        AddKey(command, conversationId, seq);
        command.Parameters.AddWithValue(userId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<Bookmark>> ListBookmarksAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT conversation_id, seq, created_at FROM bookmarks WHERE user_id = $1 ORDER BY created_at DESC");
        command.Parameters.AddWithValue(userId);
        var bookmarks = new List<Bookmark>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bookmarks.Add(new Bookmark(reader.GetGuid(0), reader.GetInt64(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero)));
        }

        return bookmarks;
    }

    /// <summary>Adds reaction summaries to a page of messages, and drops the ones the reader hid.</summary>
    public async Task<MessagePage> DecorateAsync(Guid readerId, Guid conversationId, MessagePage page)
    {
        if (page.Messages.Count == 0)
        {
            return page;
        }

        var seqs = page.Messages.Select(m => m.Seq).ToArray();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(BatchCommands.Create("""
            SELECT seq, emoji, array_agg(user_id ORDER BY reacted_at) FROM message_reactions
            WHERE conversation_id = $1 AND seq = ANY($2) GROUP BY seq, emoji ORDER BY seq, min(reacted_at)
            """, conversationId, seqs));
        batch.BatchCommands.Add(BatchCommands.Create(
            "SELECT seq FROM hidden_messages WHERE user_id = $1 AND conversation_id = $2 AND seq = ANY($3)", readerId, conversationId, seqs));
        var reactions = new Dictionary<long, List<ReactionSummary>>();
        var hidden = new HashSet<long>();
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var seq = reader.GetInt64(0);
                (reactions.TryGetValue(seq, out var list) ? list : reactions[seq] = []).Add(new ReactionSummary(reader.GetString(1), reader.GetFieldValue<Guid[]>(2)));
            }

            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                hidden.Add(reader.GetInt64(0));
            }
        }

        if (reactions.Count == 0 && hidden.Count == 0)
        {
            return page;
        }

        var messages = page.Messages
            .Where(m => !hidden.Contains(m.Seq))
            .Select(m => reactions.TryGetValue(m.Seq, out var list) ? m with { Reactions = list } : m)
            .ToList();
        return page with { Messages = messages };
    }

    private static void AddKey(NpgsqlCommand command, Guid conversationId, long seq)
    {
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(seq);
    }

}
