using System.Text.Json;

namespace Chat.Tests.Search.Query;

/// <summary>Each operator of the query language, end to end: sent through the hub, indexed, found through the REST API.</summary>
[Collection(SearchCollection.Name)]
public sealed class QueryOperatorTests(SearchGrid grid)
{
    [Fact]
    public async Task Words_match_inside_longer_words_and_every_word_must_match()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var both = await scene.SendAsync($"{tag} the Meeting starts at noon");
        var one = await scene.SendAsync($"{tag} lunch at noon");

        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} noon"), scene.GroupId, both, one);
        Assert.Equal([both], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} meet"), scene.GroupId));
        Assert.Equal([both], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag[2..^2]} eeti"), scene.GroupId));
    }

    [Fact]
    public async Task A_phrase_matches_its_words_in_order_side_by_side()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var inOrder = await scene.SendAsync($"{tag} the quarterly budget review");
        await scene.SendAsync($"{tag} review the budget quarterly");

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), p => SearchApi.SeqsOf(p, scene.GroupId).Count == 2);
        Assert.Equal([inOrder], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} \"budget review\""), scene.GroupId));
        Assert.Equal([inOrder], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"\"{tag} the quarterly\""), scene.GroupId));
    }

    [Fact]
    public async Task Or_finds_either_and_binds_tighter_than_the_implicit_and()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var budget = await scene.SendAsync($"{tag} budget");
        var cost = await scene.SendAsync($"{tag} cost");
        await scene.SendAsync($"{tag} other");
        await scene.SendAsync("budget without the tag");

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), p => SearchApi.SeqsOf(p, scene.GroupId).Count == 3);
        var found = await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} budget OR cost"), scene.GroupId);
        Assert.Equal([budget, cost], found.Order());
        // Lower-case "or" is a word that must be there too.
        Assert.Empty(await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} budget or cost"), scene.GroupId));
    }

    [Fact]
    public async Task Minus_leaves_out_words_phrases_groups_and_filters()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var plain = await scene.SendAsync($"{tag} plan");
        var draft = await scene.SendAsync($"{tag} plan draft");
        var old = await scene.SendAsync($"{tag} the old plan");
        var link = await scene.SendAsync($"{tag} plan at https://example.com/plan");

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(tag), p => SearchApi.SeqsOf(p, scene.GroupId).Count == 4);
        Assert.Equal([plain, old, link], (await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} -draft"), scene.GroupId)).Order());
        Assert.Equal([plain, draft, link], (await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} -\"old plan\""), scene.GroupId)).Order());
        Assert.Equal([plain, link], (await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} -(draft OR old)"), scene.GroupId)).Order());
        Assert.Equal([plain, draft, old], (await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} -has:link"), scene.GroupId)).Order());
    }

    [Fact]
    public async Task A_hashtag_finds_the_tag_and_not_the_bare_word()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var word = SearchApi.UniqueWord("t");
        var tagged = await scene.SendAsync($"shipping today #{word}");
        await scene.SendAsync($"the word {word} without its hash");

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.MessagesPath(word), p => SearchApi.SeqsOf(p, scene.GroupId).Count == 2);
        Assert.Equal([tagged], await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"#{word.ToUpperInvariant()}"), scene.GroupId));
    }

    [Fact]
    public async Task A_hit_carries_a_plain_text_snippet_with_highlights()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var tag = SearchApi.UniqueWord();
        var seq = await scene.SendAsync($"<b>Not html</b> {tag} un Café crème");

        var page = await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.MessagesPath($"{tag} cafe"), scene.GroupId, seq);
        var hit = page.GetProperty("hits")[0];
        Assert.Equal(scene.Alice.UserId, hit.GetProperty("senderId").GetGuid());
        Assert.Equal("text", hit.GetProperty("type").GetString());
        var snippet = hit.GetProperty("snippet").GetString()!;
        Assert.Equal($"<b>Not html</b> {tag} un Café crème", snippet);
        var marked = hit.GetProperty("highlights").EnumerateArray().Select(r => snippet.Substring(r[0].GetInt32(), r[1].GetInt32())).ToList();
        Assert.Equal([tag, "Café"], marked);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }
}
