using System.Net;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Search.Query;

/// <summary><c>GET /api/search/files</c>: files in messages the caller may see, by the words of their name and the same filters.</summary>
[Collection(SearchCollection.Name)]
public sealed class FileSearchTests(SearchGrid grid)
{
    [Fact]
    public async Task Words_find_files_by_name_newest_first_with_highlights()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var older = await SendDocumentAsync(scene, $"Quarterly-{tag}-Report.pdf");
        var newer = await SendDocumentAsync(scene, $"{tag} report final.pdf");
        await SendDocumentAsync(scene, $"{tag} invoice.pdf");

        var page = await SearchApi.PageAsync(scene.Http, scene.Bob, SearchApi.FilesPath($"{tag} REPORT"));
        var hits = page.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal([newer.Seq, older.Seq], hits.Select(h => h.GetProperty("seq").GetInt64()));
        var first = hits[0];
        Assert.Equal(scene.GroupId, first.GetProperty("conversationId").GetGuid());
        Assert.Equal(scene.Alice.UserId, first.GetProperty("senderId").GetGuid());
        var name = first.GetProperty("file").GetProperty("name").GetString()!;
        Assert.Equal(newer.FileId, first.GetProperty("file").GetProperty("fileId").GetGuid());
        var marked = first.GetProperty("highlights").EnumerateArray().Select(r => name.Substring(r[0].GetInt32(), r[1].GetInt32())).ToList();
        Assert.Equal([tag, "report"], marked);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Names_match_with_case_accents_width_and_like_characters_ignored_or_taken_literally()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var accented = await SendDocumentAsync(scene, $"Café-{tag}.pdf");
        var percent = await SendDocumentAsync(scene, $"{tag}-100%_off.pdf");
        await SendDocumentAsync(scene, $"{tag}-100x-off.pdf");

        Assert.Equal([accented.Seq], await FileSeqsAsync(scene, $"{tag} cafe"));
        Assert.Equal([accented.Seq], await FileSeqsAsync(scene, $"ＣＡＦＥ {tag}"));
        Assert.Equal([percent.Seq], await FileSeqsAsync(scene, $"{tag} 100%_off"));
    }

    [Fact]
    public async Task Filters_and_exclusions_apply_to_files_too()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.First.Address, scene.Bob);
        var tag = SearchApi.UniqueWord();
        var alices = await SendDocumentAsync(scene, $"{tag}-plan.pdf");
        var bobs = await SendDocumentAsync(scene, $"{tag}-draft.pdf", bobConnection, scene.Bob);

        Assert.Equal([bobs.Seq], await FileSeqsAsync(scene, $"{tag} from:@{scene.Bob.Username}"));
        Assert.Equal([alices.Seq], await FileSeqsAsync(scene, $"{tag} -draft"));
        Assert.Equal([bobs.Seq, alices.Seq], await FileSeqsAsync(scene, $"{tag} has:document in:{scene.GroupId}"));
        Assert.Empty(await FileSeqsAsync(scene, $"{tag} has:image"));
        Assert.Equal([bobs.Seq, alices.Seq], await FileSeqsAsync(scene, $"has:file {tag}"));
    }

    [Fact]
    public async Task Files_of_deleted_and_hidden_messages_and_of_strangers_conversations_are_not_found()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var deleted = await SendDocumentAsync(scene, $"{tag}-deleted.pdf");
        var hidden = await SendDocumentAsync(scene, $"{tag}-hidden.pdf");
        var kept = await SendDocumentAsync(scene, $"{tag}-kept.pdf");
        await scene.AliceConnection.Hub.InvokeAsync("DeleteMessage", scene.GroupId, deleted.Seq, true);
        await scene.AliceConnection.Hub.InvokeAsync("DeleteMessage", scene.GroupId, hidden.Seq, false);

        Assert.Equal([kept.Seq], await FileSeqsAsync(scene, tag));
        Assert.Equal([kept.Seq, hidden.Seq], await FileSeqsAsync(scene, tag, scene.Bob));
        var stranger = await TestUser.RegisterAsync(scene.Http);
        Assert.Empty(await FileSeqsAsync(scene, tag, stranger));
    }

    [Fact]
    public async Task File_pages_follow_the_cursor_without_repeats()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var sent = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add((await SendDocumentAsync(scene, $"{tag}-{i}.pdf")).Seq);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await SearchApi.PageAsync(scene.Http, scene.Alice,
                SearchApi.FilesPath(tag, "&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            seen.AddRange(page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("seq").GetInt64()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(sent.OrderDescending(), seen);
        var (status, _) = await SearchApi.GetAsync(scene.Http, scene.Alice, SearchApi.FilesPath(tag, "&limit=101"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private static async Task<List<long>> FileSeqsAsync(SearchScene scene, string query, TestUser? asUser = null)
    {
        var page = await SearchApi.PageAsync(scene.Http, asUser ?? scene.Alice, SearchApi.FilesPath(query));
        return [.. page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("seq").GetInt64())];
    }

    private static async Task<(long Seq, Guid FileId)> SendDocumentAsync(SearchScene scene, string name, ChatConnection? connection = null, TestUser? sender = null)
    {
        var fileId = await UploadedFiles.UploadAsync(scene.Http, sender ?? scene.Alice, UploadedFiles.Pdf, name);
        var ack = await FileMessages.SendDocumentAsync(connection ?? scene.AliceConnection, scene.GroupId, fileId, name);
        return (ack.Seq, fileId);
    }
}
