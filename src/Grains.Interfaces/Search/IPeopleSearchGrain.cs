namespace Chat.Search;

/// <summary>
/// People and conversation search, answered from Postgres indexes. It holds nothing, so it runs as a
/// stateless worker on each silo (use key 0) instead of an activation per user.
/// </summary>
[Alias("chat.search.people")]
public interface IPeopleSearchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Users matching <paramref name="query"/> by username or display name (prefix of any word, folded;
    /// usernames also by substring), or by exact email address or verified phone number as each one's
    /// privacy allows. Never the caller, deleted accounts or anyone across a block; contacts first.
    /// </summary>
    [Alias("find-people"), ReadOnly]
    Task<IReadOnlyList<PersonHit>> FindPeopleAsync(Guid callerId, string query, int limit);

    /// <summary>The caller's own conversations whose name (a direct chat: the other member's) matches, most recently active first.</summary>
    [Alias("find-conversations"), ReadOnly]
    Task<IReadOnlyList<ConversationHit>> FindConversationsAsync(Guid callerId, string query, int limit);
}
