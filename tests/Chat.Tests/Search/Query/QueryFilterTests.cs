using System.Net;
using Chat.Tests.Conversations;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Search.Query;

/// <summary>Each filter: from:, in:, before:/after:/on:, has:, is:.</summary>
[Collection(SearchCollection.Name)]
public sealed class QueryFilterTests(SearchGrid grid)
{
    [Fact]
    public async Task From_finds_what_that_user_or_the_caller_sent()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.First.Address, scene.Bob);
        var tag = SearchApi.UniqueWord();
        var mine = await scene.SendAsync($"{tag} from alice");
        var bobs = (await bobConnection.SendAsync(scene.GroupId, $"{tag} from bob")).Seq;

        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, mine, bobs);
        Assert.Equal([bobs], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} from:@{scene.Bob.Username.ToUpperInvariant()}"), scene.GroupId));
        Assert.Equal([mine], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} from:me"), scene.GroupId));
        Assert.Equal([mine], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"from:me {tag}"), scene.GroupId));

        var (status, problem) = await SearchApi.GetAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} from:@nobody{tag}"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown user", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task In_finds_one_conversation_by_name_by_direct_chat_partner_or_by_id()
    {
        var name = "Project " + SearchApi.UniqueWord("n");
        await using var scene = await SearchScene.StartAsync(grid, name);
        await using var other = await ChatConnection.ConnectAsync(grid.First.Address, scene.Bob);
        var direct = await ConversationApi.CreateAsync(scene.Http, scene.Alice, "direct", null, scene.Bob);
        var tag = SearchApi.UniqueWord();
        var inGroup = await scene.SendAsync($"{tag} in the group");
        var inDirect = (await scene.AliceConnection.SendAsync(direct.ConversationId, $"{tag} in private")).Seq;

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), p => p.GetProperty("hits").GetArrayLength() == 2);
        foreach (var filter in (string[])[$"in:\"{name.ToUpperInvariant()}\"", $"in:{scene.GroupId}"])
        {
            var page = await SearchApi.PageAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} {filter}"));
            Assert.Equal([inGroup], SearchApi.SeqsOf(page, scene.GroupId));
            Assert.Equal(1, page.GetProperty("hits").GetArrayLength());
        }

        var inChat = await SearchApi.PageAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} in:@{scene.Bob.Username}"));
        Assert.Equal([inDirect], SearchApi.SeqsOf(inChat, direct.ConversationId));
        Assert.Equal(1, inChat.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task In_naming_no_conversation_of_the_callers_is_the_same_400_whether_it_exists_or_not()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var stranger = await TestUser.RegisterAsync(scene.Http);
        var tag = SearchApi.UniqueWord();
        var details = new List<string?>();
        foreach (var filter in (string[])[$"in:{scene.GroupId}", $"in:{Guid.NewGuid()}", $"in:{scene.Group.Name}", $"in:nothing{tag}"])
        {
            var (status, problem) = await SearchApi.GetAsync(scene.Http, stranger, SearchApi.MessagesPath($"{tag} {filter}"));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            details.Add(problem.GetProperty("detail").GetString());
        }

        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task Dates_are_whole_days_in_the_callers_time_zone()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var seq = await scene.SendAsync($"{tag} dated");
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), scene.GroupId, seq);

        // Kiritimati is UTC+14 and Pago Pago UTC-11: the same instant is on different days there.
        foreach (var zone in (string[])["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, zone));
            string Find(string filter, DateOnly day) => SearchApi.MessagesPath($"{tag} {filter}:{day:yyyy-MM-dd}", $"&timeZone={Uri.EscapeDataString(zone)}");
            Assert.Equal([seq], await SearchApi.SeqsAsync(scene.Http, scene.Alice, Find("on", today), scene.GroupId));
            Assert.Equal([seq], await SearchApi.SeqsAsync(scene.Http, scene.Alice, Find("after", today.AddDays(-1)), scene.GroupId));
            Assert.Equal([seq], await SearchApi.SeqsAsync(scene.Http, scene.Alice, Find("before", today.AddDays(1)), scene.GroupId));
            Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, Find("on", today.AddDays(-1)), scene.GroupId));
            Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, Find("after", today), scene.GroupId));
            Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, Find("before", today), scene.GroupId));
        }

        var (status, _) = await SearchApi.GetAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag, "&timeZone=Mars/Olympus"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Has_finds_links_images_and_documents_by_what_the_message_carries()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var link = await scene.SendAsync($"{tag} see www.example.com");
        var plain = await scene.SendAsync($"{tag} no link here");
        var pdf = await UploadedFiles.UploadAsync(scene.Http, scene.Alice, UploadedFiles.Pdf, $"{tag}.pdf");
        var document = (await scene.AliceConnection.Hub.InvokeAsync<Chat.Conversations.MessageAck>("SendMessage", new
        {
            conversationId = scene.GroupId, clientMessageId = Guid.NewGuid().ToString(), content = $"{tag} the terms", type = "document",
            metadata = new { fileId = pdf, fileName = $"{tag}.pdf" },
        })).Seq;

        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} has:link"), scene.GroupId, link);
        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} has:document"), scene.GroupId, document);
        Assert.Equal([document], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} has:file"), scene.GroupId));
        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} has:image"), scene.GroupId));
        Assert.Equal([plain], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} -has:link -has:file"), scene.GroupId));
    }

    [Fact]
    public async Task Has_image_finds_a_photo_by_its_caption_and_files_search_finds_it_by_kind()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var png = await UploadedFiles.UploadAsync(scene.Http, scene.Alice, Chat.Tests.Files.TestFiles.Png(), $"{tag}-photo.png", "image/png");
        var image = (await scene.AliceConnection.Hub.InvokeAsync<Chat.Conversations.MessageAck>("SendMessage", new
        {
            conversationId = scene.GroupId, clientMessageId = Guid.NewGuid().ToString(), content = $"{tag} at the beach", type = "image",
            metadata = new { fileId = png },
        })).Seq;
        var text = await scene.SendAsync($"{tag} no picture");

        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} has:image"), scene.GroupId, image);
        Assert.Equal([text], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} -has:image"), scene.GroupId));
        var files = await SearchApi.PageAsync(scene.Http, scene.Alice, SearchApi.FilesPath($"{tag} has:image"));
        Assert.Equal([image], files.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("seq").GetInt64()));
        Assert.Empty((await SearchApi.PageAsync(scene.Http, scene.Alice, SearchApi.FilesPath($"{tag} has:document"))).GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task Is_pinned_finds_the_conversations_pins_and_is_saved_only_the_callers_bookmarks()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var pinned = await scene.SendAsync($"{tag} pinned");
        var saved = await scene.SendAsync($"{tag} saved");
        await scene.SendAsync($"{tag} neither");
        await scene.AliceConnection.Hub.InvokeAsync("PinMessage", scene.GroupId, pinned, true);
        using (var bookmark = await scene.Http.SendAsync(scene.Alice.Request(HttpMethod.Put, $"/api/conversations/{scene.GroupId}/messages/{saved}/bookmark")))
        {
            Assert.True(bookmark.IsSuccessStatusCode, bookmark.StatusCode.ToString());
        }

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), p => SearchApi.SeqsOf(p, scene.GroupId).Count == 3);
        Assert.Equal([pinned], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} is:pinned"), scene.GroupId));
        Assert.Equal([pinned], await SearchApi.SeqsAsync(scene.Http, scene.Bob, SearchApi.MessagesPath($"{tag} is:pinned"), scene.GroupId));
        Assert.Equal([saved], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} is:saved"), scene.GroupId));
        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Bob, SearchApi.MessagesPath($"{tag} is:saved"), scene.GroupId));
    }
}
