using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.Query;

/// <summary>Message and file search through the real REST API, and waiting for the indexer to catch up.</summary>
internal static class SearchApi
{
    public static string MessagesPath(string q, string? extra = null) => $"/api/search/messages?q={Uri.EscapeDataString(q)}{extra}";

    public static string ConversationPath(Guid conversationId, string q, string? extra = null) =>
        $"/api/conversations/{conversationId}/search?q={Uri.EscapeDataString(q)}{extra}";

    public static string FilesPath(string q, string? extra = null) => $"/api/search/files?q={Uri.EscapeDataString(q)}{extra}";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, TestUser user, string path)
    {
        using var response = await http.SendAsync(user.Request(HttpMethod.Get, path));
        var body = response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }

    /// <summary>A page that must answer 200.</summary>
    public static async Task<JsonElement> PageAsync(HttpClient http, TestUser user, string path)
    {
        var (status, body) = await GetAsync(http, user, path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {body}");
        return body;
    }

    /// <summary>The seqs of the first page's hits in <paramref name="conversationId"/>, in the order given.</summary>
    public static async Task<List<long>> SeqsAsync(HttpClient http, TestUser user, string path, Guid conversationId) =>
        SeqsOf(await PageAsync(http, user, path), conversationId);

    public static List<long> SeqsOf(JsonElement page, Guid conversationId) =>
        [.. page.GetProperty("hits").EnumerateArray()
            .Where(h => h.GetProperty("conversationId").GetGuid() == conversationId)
            .Select(h => h.GetProperty("seq").GetInt64())];

    /// <summary>
    /// Polls until the first page of <paramref name="path"/> satisfies <paramref name="until"/>: the index
    /// trails the send by a moment, and no event announces that it caught up. Fails with the last page.
    /// </summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient http, TestUser user, string path, Func<JsonElement, bool> until, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var page = await PageAsync(http, user, path);
            if (until(page))
            {
                return page;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} never answered as expected; last page: {page}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="path"/> finds exactly <paramref name="seqs"/> in the conversation (in any order).</summary>
    public static Task<JsonElement> EventuallySeqsAsync(HttpClient http, TestUser user, string path, Guid conversationId, params long[] seqs) =>
        EventuallyAsync(http, user, path, page => SeqsOf(page, conversationId).Order().SequenceEqual(seqs.Order()));

    /// <summary>A word no other test sends, so hits can be counted exactly.</summary>
    public static string UniqueWord(string prefix = "q") => prefix + Guid.NewGuid().ToString("N")[..10];
}
