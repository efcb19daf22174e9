using Chat.Conversations;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Search.Query;

/// <summary>Edits, deletes, "delete for me" and expiry are reflected in what search finds.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchChangesTests(SearchGrid grid)
{
    [Fact]
    public async Task An_edited_message_is_found_by_its_new_text_and_no_longer_by_its_old()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var before = SearchApi.UniqueWord("old");
        var after = SearchApi.UniqueWord("new");
        var seq = await scene.SendAsync($"first {before}");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(before), scene.GroupId, seq);

        await scene.AliceConnection.Hub.InvokeAsync<ChatMessage>("EditMessage", scene.GroupId, seq, $"second {after}");

        var page = await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(after), scene.GroupId, seq);
        Assert.Equal($"second {after}", page.GetProperty("hits")[0].GetProperty("snippet").GetString());
        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(before), scene.GroupId));
    }

    [Fact]
    public async Task A_message_deleted_for_everyone_is_no_hit_from_the_moment_the_delete_answers()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var kept = await scene.SendAsync($"{tag} kept");
        var deleted = await scene.SendAsync($"{tag} deleted");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, kept, deleted);

        await scene.AliceConnection.Hub.InvokeAsync("DeleteMessage", scene.GroupId, deleted, true);

        // Not waiting for the indexer: each hit is confirmed against the message itself.
        Assert.Equal([kept], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId));
        Assert.Equal([kept], await SearchApi.SeqsAsync(scene.Http, scene.Bob, SearchApi.MessagesPath(tag), scene.GroupId));
    }

    [Fact]
    public async Task A_message_deleted_for_me_is_no_hit_for_me_only()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var seq = await scene.SendAsync($"{tag} hidden for alice");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, seq);

        await scene.AliceConnection.Hub.InvokeAsync("DeleteMessage", scene.GroupId, seq, false);

        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId));
        Assert.Equal([seq], await SearchApi.SeqsAsync(scene.Http, scene.Bob, SearchApi.MessagesPath(tag), scene.GroupId));
    }

    [Fact]
    public async Task An_expired_message_drops_out()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var kept = await scene.SendAsync($"{tag} kept");
        var expiring = (await scene.AliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId = scene.GroupId, clientMessageId = Guid.NewGuid().ToString(), content = $"{tag} self-destructing", expiresInSeconds = 6,
        })).Seq;

        // Found while it lives (the index has it well before its end), then not: expires_at is checked at query time.
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, kept, expiring);
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, kept);
    }
}
