using Chat.Conversations;
using Npgsql;

namespace Chat.Accounts;

/// <summary>What the user grain reads and writes outside its own state: the directory's display name and who are contacts.</summary>
internal sealed class UserProfileStore(NpgsqlDataSource dataSource)
{
    public async Task UpdateDisplayNameAsync(Guid userId, string displayName)
    {
        await using var command = dataSource.CreateCommand("UPDATE accounts SET display_name = $2 WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(displayName);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Contacts are two users who are both members of their direct conversation (whose id is derived
    /// from the pair), read from the conversations' membership table.
    /// </summary>
    public async Task<bool> AreContactsAsync(Guid userId, Guid otherUserId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM conversation_members WHERE conversation_id = $1 AND user_id = ANY($2)");
        command.Parameters.AddWithValue(DirectConversationId.For(userId, otherUserId));
        command.Parameters.AddWithValue(new[] { userId, otherUserId });
        return (long)(await command.ExecuteScalarAsync())! == 2;
    }
}
