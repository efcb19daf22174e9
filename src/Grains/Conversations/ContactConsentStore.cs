using Npgsql;

namespace Chat.Conversations;

/// <summary>
/// <c>contact_consents</c> as a direct conversation writes them, and the ignored message requests.
/// The user grain and presence read the same rows through <see cref="Accounts.UserProfileStore"/>.
/// </summary>
internal sealed class ContactConsentStore(NpgsqlDataSource dataSource)
{
    /// <summary>Which of the two users consented to the other.</summary>
    public async Task<HashSet<Guid>> LoadConsentedAsync(Guid a, Guid b)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT user_id FROM contact_consents WHERE (user_id = $1 AND contact_id = $2) OR (user_id = $2 AND contact_id = $1)");
        command.Parameters.AddWithValue(a);
        command.Parameters.AddWithValue(b);
        var consented = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            consented.Add(reader.GetGuid(0));
        }

        return consented;
    }

    public async Task ConsentAsync(Guid userId, Guid contactId)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO contact_consents (user_id, contact_id) VALUES ($1, $2) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(contactId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task WithdrawAsync(Guid userId, Guid contactId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM contact_consents WHERE user_id = $1 AND contact_id = $2");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(contactId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Hides a message request from the user's list up to <paramref name="seq"/>; a newer message shows it again.</summary>
    public async Task IgnoreRequestAsync(Guid conversationId, Guid userId, long seq)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE conversation_members SET request_ignored_seq = $3 WHERE conversation_id = $1 AND user_id = $2");
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(seq);
        await command.ExecuteNonQueryAsync();
    }
}
