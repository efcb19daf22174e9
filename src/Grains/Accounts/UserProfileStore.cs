using Chat.Conversations;
using Chat.Search.People;
using Npgsql;

namespace Chat.Accounts;

/// <summary>What the user grain reads and writes outside its own state: the directory's display name and who are contacts.</summary>
internal sealed class UserProfileStore(NpgsqlDataSource dataSource)
{
    /// <summary>Writes the directory's display name and, in step with it, the words people search matches.</summary>
    public async Task UpdateDisplayNameAsync(Guid userId, string username, string displayName)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE accounts SET display_name = $2, search_names = $3::tsvector, username_folded = $4 WHERE user_id = $1 AND deleted_at IS NULL");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(displayName);
        command.Parameters.AddWithValue(SearchNames.Tsvector(SearchNames.Words(username, displayName)));
        command.Parameters.AddWithValue(SearchNames.FoldUsername(username));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Contacts are mutual: each of the two consented to the other (<c>contact_consents</c>: wrote in
    /// their direct conversation, opened it, accepted its message request, or saved the contact).
    /// </summary>
    public async Task<bool> AreContactsAsync(Guid userId, Guid otherUserId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM contact_consents
            WHERE (user_id = $1 AND contact_id = $2) OR (user_id = $2 AND contact_id = $1)
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(otherUserId);
        return (long)(await command.ExecuteScalarAsync())! == 2;
    }

    /// <summary>
    /// Whether <paramref name="userId"/> let <paramref name="viewerId"/> near them: consented to them
    /// (a direct chat beyond a message request) or shares a group with them. Channels do not count:
    /// a subscriber is not known to the others.
    /// </summary>
    public async Task<bool> IsAcquaintedAsync(Guid userId, Guid viewerId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM contact_consents WHERE user_id = $1 AND contact_id = $2)
                OR EXISTS (
                    SELECT 1 FROM conversation_members a
                    JOIN conversation_members b ON b.conversation_id = a.conversation_id AND b.user_id = $2
                    JOIN conversations c ON c.conversation_id = a.conversation_id AND c.type = 'group'
                    WHERE a.user_id = $1)
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(viewerId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
