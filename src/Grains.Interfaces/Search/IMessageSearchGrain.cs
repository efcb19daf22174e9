namespace Chat.Search;

/// <summary>
/// Message and file search and the search history, answered from Postgres (the index the search
/// indexer keeps). It holds nothing, so it runs as a stateless worker on each silo (use key 0).
/// </summary>
[Alias("chat.search.messages")]
public interface IMessageSearchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A page of the messages <paramref name="userId"/> may read that match; refusals are <c>bad_request</c>
    /// (and <c>forbidden</c> for a conversation the user is not in). A first page is recorded in the history.
    /// </summary>
    [Alias("search-messages")]
    Task<MessageSearchPage> SearchMessagesAsync(Guid userId, MessageSearchRequest request);

    /// <summary>A page of the files in messages <paramref name="userId"/> may see whose name matches (<see cref="MessageSearchRequest.Sort"/> is ignored: newest first).</summary>
    [Alias("search-files")]
    Task<FileSearchPage> SearchFilesAsync(Guid userId, MessageSearchRequest request);

    [Alias("history"), ReadOnly]
    Task<IReadOnlyList<SearchHistoryEntry>> ListHistoryAsync(Guid userId);

    [Alias("clear-history")]
    Task ClearHistoryAsync(Guid userId);
}
