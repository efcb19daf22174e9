using System.Net;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.Query;

/// <summary>Only current members find a conversation's messages: checked at query time, so changes of membership count at once.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchAccessTests(SearchGrid grid)
{
    [Fact]
    public async Task A_stranger_finds_nothing_even_naming_the_conversation()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var stranger = await TestUser.RegisterAsync(scene.Http);
        var tag = SearchApi.UniqueWord();
        var seq = await scene.SendAsync($"{tag} members only");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, seq);

        var page = await SearchApi.PageAsync(scene.Http, stranger, SearchApi.MessagesPath(tag));
        Assert.Equal(0, page.GetProperty("hits").GetArrayLength());
        var (byId, _) = await SearchApi.GetAsync(scene.Http, stranger, SearchApi.MessagesPath($"{tag} in:{scene.GroupId}"));
        Assert.Equal(HttpStatusCode.BadRequest, byId);
        var (within, _) = await SearchApi.GetAsync(scene.Http, stranger, SearchApi.ConversationPath(scene.GroupId, tag));
        Assert.Equal(HttpStatusCode.Forbidden, within);
        var (files, filePage) = await SearchApi.GetAsync(scene.Http, stranger, SearchApi.FilesPath(tag));
        Assert.Equal(HttpStatusCode.OK, files);
        Assert.Equal(0, filePage.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task A_removed_member_finds_nothing_from_the_moment_the_removal_answers()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var seq = await scene.SendAsync($"{tag} before removal");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Bob, SearchApi.MessagesPath(tag), scene.GroupId, seq);

        using (var removal = await scene.Http.SendAsync(scene.Alice.Request(HttpMethod.Delete, $"/api/conversations/{scene.GroupId}/members/{scene.Bob.UserId}")))
        {
            Assert.True(removal.IsSuccessStatusCode, removal.StatusCode.ToString());
        }

        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Bob, SearchApi.MessagesPath(tag), scene.GroupId));
        var (within, _) = await SearchApi.GetAsync(scene.Http, scene.Bob, SearchApi.ConversationPath(scene.GroupId, tag));
        Assert.Equal(HttpStatusCode.Forbidden, within);
    }

    [Fact]
    public async Task A_new_member_finds_messages_from_before_they_joined()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var carol = await TestUser.RegisterAsync(scene.Http);
        var tag = SearchApi.UniqueWord();
        var seq = await scene.SendAsync($"{tag} history");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, seq);
        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, carol, SearchApi.MessagesPath(tag), scene.GroupId));

        using (var added = await scene.Http.SendAsync(scene.Alice.Request(HttpMethod.Post, $"/api/conversations/{scene.GroupId}/members", new { userIds = new[] { carol.UserId } })))
        {
            Assert.True(added.IsSuccessStatusCode, added.StatusCode.ToString());
        }

        Assert.Equal([seq], await SearchApi.SeqsAsync(scene.Http, carol, SearchApi.MessagesPath(tag), scene.GroupId));
    }

    [Fact]
    public async Task A_channels_subscriber_finds_its_posts()
    {
        var owner = await TestUser.RegisterAsync(grid.First.Http);
        var subscriber = await TestUser.RegisterAsync(grid.First.Http);
        var channel = await ConversationApi.CreateAsync(grid.First.Http, owner, "channel", SearchApi.UniqueWord("news"), subscriber);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, owner);
        var tag = SearchApi.UniqueWord();
        var post = (await connection.SendAsync(channel.ConversationId, $"{tag} announcement")).Seq;

        await SearchApi.EventuallySeqsAsync(grid.Second.Http, subscriber, SearchApi.MessagesPath(tag), channel.ConversationId, post);
        await SearchApi.EventuallySeqsAsync(grid.Second.Http, subscriber, SearchApi.ConversationPath(channel.ConversationId, tag), channel.ConversationId, post);
    }

    [Fact]
    public async Task Search_within_a_conversation_finds_only_its_messages()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var other = await ConversationApi.CreateAsync(scene.Http, scene.Alice, "group", SearchApi.UniqueWord("g"), scene.Bob);
        var tag = SearchApi.UniqueWord();
        var here = await scene.SendAsync($"{tag} here");
        await scene.AliceConnection.SendAsync(other.ConversationId, $"{tag} elsewhere");

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), p => p.GetProperty("hits").GetArrayLength() == 2);
        var page = await SearchApi.PageAsync(scene.Http, scene.Alice, SearchApi.ConversationPath(scene.GroupId, tag));
        Assert.Equal([here], SearchApi.SeqsOf(page, scene.GroupId));
        Assert.Equal(1, page.GetProperty("hits").GetArrayLength());
    }
}
