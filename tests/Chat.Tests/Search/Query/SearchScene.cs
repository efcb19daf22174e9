using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.Query;

/// <summary>Two users in a group of their own with alice connected: what most search tests start from.</summary>
internal sealed class SearchScene : IAsyncDisposable
{
    private SearchScene(SearchGrid grid, TestUser alice, TestUser bob, ConversationInfo group, ChatConnection aliceConnection)
    {
        Grid = grid;
        Alice = alice;
        Bob = bob;
        Group = group;
        AliceConnection = aliceConnection;
    }

    public SearchGrid Grid { get; }

    public HttpClient Http => Grid.First.Http;

    public TestUser Alice { get; }

    public TestUser Bob { get; }

    public ConversationInfo Group { get; }

    public Guid GroupId => Group.ConversationId;

    public ChatConnection AliceConnection { get; }

    public static async Task<SearchScene> StartAsync(SearchGrid grid, string? groupName = null)
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", groupName ?? SearchApi.UniqueWord("g"), bob);
        var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        return new SearchScene(grid, alice, bob, group, connection);
    }

    /// <summary>Alice sends <paramref name="content"/> to the group; returns its seq.</summary>
    public async Task<long> SendAsync(string content) => (await AliceConnection.SendAsync(GroupId, content)).Seq;

    public async ValueTask DisposeAsync() => await AliceConnection.DisposeAsync();
}
