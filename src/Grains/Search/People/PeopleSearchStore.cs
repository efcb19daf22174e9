using Npgsql;

namespace Chat.Search.People;

/// <summary>The Postgres reads of people and conversation search.</summary>
internal sealed class PeopleSearchStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Live accounts whose words (<c>search_names</c>, GIN) start with every query word, or, for one
    /// word of three or more characters, whose folded username contains it (<c>username_folded</c>,
    /// pg_trgm): contacts of the caller first (consent both ways), then the closest matches (the
    /// username itself, a username prefix, whole words, word prefixes, a username substring), then the
    /// shortest usernames. The caller and <paramref name="excluded"/> (blocks either way) are left out.
    /// </summary>
    public async Task<IReadOnlyList<NameMatch>> FindByNameAsync(Guid callerId, Guid[] excluded, IReadOnlyList<string> queryWords, int limit)
    {
        var folded = string.Join(' ', queryWords);
        var substring = queryWords.Count == 1 && folded.Length >= PeopleSearchLimits.MinSubstringChars;
        await using var command = dataSource.CreateCommand("""
            SELECT a.user_id, a.username, a.display_name, a.avatar_file_id, a.username_folded LIKE $6 AS by_username,
                   EXISTS (SELECT 1 FROM contact_consents k WHERE k.user_id = $1 AND k.contact_id = a.user_id)
                   AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.user_id = a.user_id AND k.contact_id = $1) AS contact,
                   CASE WHEN a.username_folded = $3 THEN 0
                        WHEN starts_with(a.username_folded, $3) THEN 1
                        WHEN a.search_names @@ $5::tsquery THEN 2
                        WHEN a.search_names @@ $4::tsquery THEN 3
                        ELSE 4 END AS closeness
            FROM accounts a
            WHERE a.deleted_at IS NULL AND a.user_id <> $1 AND NOT (a.user_id = ANY($2))
              AND (a.search_names @@ $4::tsquery OR ($7 AND a.username_folded LIKE $6))
            ORDER BY contact DESC, closeness, length(a.username), a.username
            LIMIT $8
            """);
        command.Parameters.AddWithValue(callerId);
        command.Parameters.AddWithValue(excluded);
        command.Parameters.AddWithValue(folded);
        command.Parameters.AddWithValue(SearchNames.Tsquery(queryWords, prefix: true));
        command.Parameters.AddWithValue(SearchNames.Tsquery(queryWords, prefix: false));
        command.Parameters.AddWithValue(SearchNames.ContainsPattern(folded));
        command.Parameters.AddWithValue(substring);
        command.Parameters.AddWithValue(limit);
        var matches = new List<NameMatch>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            matches.Add(new NameMatch(new Account(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)), reader.GetBoolean(4)));
        }

        return matches;
    }

    /// <summary>The live account whose verified address has this key (<c>AccountRules.EmailKey</c>); an address only claimed or not yet verified finds no one.</summary>
    public Task<Account?> FindByEmailAsync(string emailKey) => FindOneAsync(
        "SELECT user_id, username, display_name, avatar_file_id FROM accounts WHERE email_key = $1 AND email_verified_at IS NOT NULL AND deleted_at IS NULL",
        emailKey);

    /// <summary>The live account whose verified number this is (E.164, as <c>PhoneRules.Normalize</c> writes it).</summary>
    public Task<Account?> FindByPhoneAsync(string phone) => FindOneAsync("""
        SELECT a.user_id, a.username, a.display_name, a.avatar_file_id FROM account_phones p JOIN accounts a ON a.user_id = p.user_id
        WHERE p.phone = $1 AND p.verified_at IS NOT NULL AND a.deleted_at IS NULL
        """, phone);

    /// <summary>
    /// The caller's conversations with what each is called (a direct chat: the other member's username
    /// and display name), most recently active first. A user has hundreds of conversations, not
    /// millions, so the names are matched in C# with the same folding as everything else.
    /// </summary>
    public async Task<IReadOnlyList<ConversationName>> ListConversationNamesAsync(Guid callerId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.conversation_id, c.type, c.name, c.avatar_file_id, other.username, other.display_name
            FROM conversation_members m
            JOIN conversations c ON c.conversation_id = m.conversation_id
            LEFT JOIN LATERAL (
                SELECT a.username, a.display_name FROM conversation_members o JOIN accounts a ON a.user_id = o.user_id
                WHERE o.conversation_id = m.conversation_id AND o.user_id <> $1 LIMIT 1
            ) other ON c.type = 'direct'
            LEFT JOIN LATERAL (
                SELECT x.sent_at FROM messages x WHERE x.conversation_id = m.conversation_id ORDER BY x.seq DESC LIMIT 1
            ) last ON true
            WHERE m.user_id = $1
            ORDER BY COALESCE(last.sent_at, m.joined_at) DESC, c.conversation_id
            """);
        command.Parameters.AddWithValue(callerId);
        var names = new List<ConversationName>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(new ConversationName(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return names;
    }

    private async Task<Account?> FindOneAsync(string sql, string key)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Account(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)) : null;
    }

    /// <summary>An account as people search shows it; the avatar still has to pass the owner's profile-photo setting.</summary>
    public sealed record Account(Guid UserId, string Username, string DisplayName, Guid? AvatarFileId);

    public sealed record NameMatch(Account Account, bool ByUsername);

    public sealed record ConversationName(Guid ConversationId, string Type, string? Name, Guid? AvatarFileId, string? OtherUsername, string? OtherDisplayName);
}
