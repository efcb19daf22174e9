using Orleans.Concurrency;

namespace Chat.Search.Query;

/// <summary>Message and file search from Postgres; records each first page's query in the history (a later page is the same search).</summary>
[StatelessWorker]
internal sealed class MessageSearchGrain(MessageSearchEngine messages, FileSearchEngine files, SearchHistoryStore history) : Grain, IMessageSearchGrain
{
    public async Task<MessageSearchPage> SearchMessagesAsync(Guid userId, MessageSearchRequest request)
    {
        var page = await messages.SearchAsync(userId, request);
        await RecordAsync(userId, request);
        return page;
    }

    public async Task<FileSearchPage> SearchFilesAsync(Guid userId, MessageSearchRequest request)
    {
        var page = await files.SearchAsync(userId, request);
        await RecordAsync(userId, request);
        return page;
    }

    public Task<IReadOnlyList<SearchHistoryEntry>> ListHistoryAsync(Guid userId) => history.ListAsync(userId);

    public Task ClearHistoryAsync(Guid userId) => history.ClearAsync(userId);

    private Task RecordAsync(Guid userId, MessageSearchRequest request) =>
        string.IsNullOrEmpty(request.Cursor) ? history.RecordAsync(userId, request.Query.Trim()) : Task.CompletedTask;
}
