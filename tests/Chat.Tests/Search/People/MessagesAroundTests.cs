using System.Net;
using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Accounts;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Search.People;

/// <summary><c>GET /api/conversations/{id}/messages?aroundSeq=</c>: opening a hit in its context.</summary>
[Collection(SearchCollection.Name)]
public sealed class MessagesAroundTests(SearchGrid grid) : IAsyncLifetime
{
    private const int MessageCount = 30;

    private TestUser _alice = null!;
    private TestUser _bob = null!;
    private Guid _conversationId;

    private HttpClient Http => grid.First.Http;

    public async Task InitializeAsync()
    {
        _alice = await TestUser.RegisterAsync(Http);
        _bob = await TestUser.RegisterAsync(Http);
        _conversationId = (await ConversationApi.CreateAsync(Http, _alice, "group", "around", _bob)).ConversationId;
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, _alice);
        for (var i = 1; i <= MessageCount; i++)
        {
            await connection.SendAsync(_conversationId, $"message {i}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task In_the_middle_half_the_limit_is_older_and_the_rest_newer_oldest_first()
    {
        var window = await AroundAsync(_bob, 15, limit: 10);

        Assert.Equal(Seqs(10, 19), window.Messages.Select(m => m.Seq));
        Assert.Equal("message 15", window.Messages[5].Content);
        Assert.True(window.HasMore);
        Assert.True(window.HasNewer);
    }

    [Fact]
    public async Task Near_the_start_the_newer_side_fills_the_page()
    {
        var window = await AroundAsync(_bob, 2, limit: 10);
        var first = await AroundAsync(_bob, 1, limit: 3);

        Assert.Equal(Seqs(1, 10), window.Messages.Select(m => m.Seq));
        Assert.False(window.HasMore);
        Assert.True(window.HasNewer);
        Assert.Equal(Seqs(1, 3), first.Messages.Select(m => m.Seq));
        Assert.False(first.HasMore);
    }

    [Fact]
    public async Task Near_the_end_there_is_nothing_newer()
    {
        var window = await AroundAsync(_bob, 29, limit: 10);
        var last = await AroundAsync(_bob, MessageCount, limit: 1);

        Assert.Equal(Seqs(24, 30), window.Messages.Select(m => m.Seq));
        Assert.True(window.HasMore);
        Assert.False(window.HasNewer);
        Assert.Equal([30L], last.Messages.Select(m => m.Seq));
        Assert.True(last.HasMore);
        Assert.False(last.HasNewer);
    }

    [Fact]
    public async Task The_default_limit_takes_the_whole_short_conversation()
    {
        var window = await AroundAsync(_bob, 15);

        Assert.Equal(Seqs(1, 30), window.Messages.Select(m => m.Seq));
        Assert.False(window.HasMore);
        Assert.False(window.HasNewer);
    }

    [Fact]
    public async Task Hidden_and_deleted_messages_are_treated_as_history_treats_them()
    {
        var alice = _alice;
        var bob = _bob;
        var conversationId = (await ConversationApi.CreateAsync(Http, alice, "group", "around-hidden", bob)).ConversationId;
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        for (var i = 1; i <= 5; i++)
        {
            await aliceConnection.SendAsync(conversationId, $"m{i}");
        }

        await bobConnection.Hub.InvokeAsync("DeleteMessage", conversationId, 3L, false);
        await aliceConnection.Hub.InvokeAsync("DeleteMessage", conversationId, 4L, true);

        var bobsWindow = await AroundAsync(bob, 3, limit: 5, conversationId);
        var alicesWindow = await AroundAsync(alice, 3, limit: 5, conversationId);
        var bobsHistory = await HistoryAsync(bob, conversationId);

        Assert.Equal([1L, 2L, 4L, 5L], bobsWindow.Messages.Select(m => m.Seq));
        Assert.Equal(bobsHistory.Messages.Select(m => (m.Seq, m.Deleted)), bobsWindow.Messages.Select(m => (m.Seq, m.Deleted)));
        Assert.Equal(Seqs(1, 5), alicesWindow.Messages.Select(m => m.Seq));
        Assert.True(alicesWindow.Messages[3].Deleted);
    }

    [Fact]
    public async Task A_non_member_is_refused()
    {
        var stranger = await TestUser.RegisterAsync(Http);

        var response = await Http.SendAsync(stranger, HttpMethod.Get, $"/api/conversations/{_conversationId}/messages?aroundSeq=5");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", await response.ProblemCodeAsync());
    }

    [Theory]
    [InlineData("aroundSeq=5&beforeSeq=10")]
    [InlineData("aroundSeq=5&afterSeq=1")]
    [InlineData("aroundSeq=5&afterSeq=0")]
    [InlineData("aroundSeq=0")]
    [InlineData("aroundSeq=-3")]
    [InlineData("aroundSeq=5&limit=0")]
    [InlineData("aroundSeq=5&limit=201")]
    public async Task Bad_combinations_and_values_are_400(string query)
    {
        var response = await Http.SendAsync(_bob, HttpMethod.Get, $"/api/conversations/{_conversationId}/messages?{query}");

        await response.AssertBadRequestAsync(query);
    }

    [Fact]
    public async Task One_past_the_last_seq_is_404()
    {
        var past = await Http.SendAsync(_bob, HttpMethod.Get, $"/api/conversations/{_conversationId}/messages?aroundSeq={MessageCount + 1}");
        var far = await Http.SendAsync(_bob, HttpMethod.Get, $"/api/conversations/{_conversationId}/messages?aroundSeq={long.MaxValue}");

        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Equal("not_found", await past.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, far.StatusCode);
    }

    private static long[] Seqs(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i)];

    private async Task<MessageWindow> AroundAsync(TestUser user, long seq, int? limit = null, Guid? conversationId = null)
    {
        var path = $"/api/conversations/{conversationId ?? _conversationId}/messages?aroundSeq={seq}" + (limit is null ? "" : $"&limit={limit}");
        var response = await grid.Second.Http.SendAsync(user, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MessageWindow>())!;
    }

    private async Task<MessagePage> HistoryAsync(TestUser user, Guid conversationId)
    {
        var response = await Http.SendAsync(user, HttpMethod.Get, $"/api/conversations/{conversationId}/messages");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessagePage>())!;
    }
}
