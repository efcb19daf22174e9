namespace Chat.Tests.Search.Query;

/// <summary>Every script is found by a part of a word: CJK without spaces (bigrams, down to one character), Arabic, emoji, accents, width.</summary>
[Collection(SearchCollection.Name)]
public sealed class ScriptSearchTests(SearchGrid grid)
{
    [Theory]
    [InlineData("明天的会议室在三楼", "会议")] // Chinese, a two-character word inside a run
    [InlineData("明天的会议室在三楼", "会议室")]
    [InlineData("明天的会议室在三楼", "楼")] // one character, the run's last
    [InlineData("明天的会议室在三楼", "议")] // one character inside the run
    [InlineData("東京都庁で会いましょう", "東京")] // Japanese kanji
    [InlineData("東京都庁で会いましょう", "いましょ")] // hiragana
    [InlineData("カタカナのテストです", "タカナ")] // katakana
    [InlineData("서울역에서 만나요", "서울")] // Korean
    [InlineData("서울역에서 만나요", "울역에")]
    [InlineData("ذهبت إلى المكتبة والكتابُ معي", "كتاب")] // Arabic inside a longer word, diacritic folded
    [InlineData("ذهبت إلى المكتبة", "مكتبه")] // teh marbuta written as heh
    [InlineData("party time 🎉 tonight", "🎉")] // emoji
    [InlineData("Ünïcödé façade naïve", "facad")] // accents dropped
    [InlineData("ＦＵＬＬＷＩＤＴＨ letters", "fullwid")] // width folded
    [InlineData("Привет, Мир", "мир")] // Cyrillic, case
    public async Task A_partial_query_finds_the_message(string message, string query)
    {
        await using var scene = await SearchScene.StartAsync(grid);
        await scene.SendAsync("nothing to see here");
        var seq = await scene.SendAsync(message);

        await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.ConversationPath(scene.GroupId, query), scene.GroupId, seq);
    }

    [Fact]
    public async Task A_two_character_cjk_query_finds_only_messages_with_both_characters_side_by_side()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var adjacent = await scene.SendAsync("我们去東京吧");
        await scene.SendAsync("東の京"); // both characters, not side by side
        var tail = await scene.SendAsync("大東京");

        await SearchApi.EventuallyAsync(scene.Http, scene.Alice, SearchApi.ConversationPath(scene.GroupId, "東"), p => SearchApi.SeqsOf(p, scene.GroupId).Count == 3);
        var found = await SearchApi.SeqsAsync(scene.Http, scene.Alice, SearchApi.ConversationPath(scene.GroupId, "東京", "&sort=date"), scene.GroupId);
        Assert.Equal([tail, adjacent], found);
    }

    [Fact]
    public async Task A_cjk_hit_highlights_the_characters_found()
    {
        await using var scene = await SearchScene.StartAsync(grid);
        var seq = await scene.SendAsync("🎉 明天的会议室");
        var page = await SearchApi.EventuallySeqsAsync(scene.Http, scene.Alice, SearchApi.ConversationPath(scene.GroupId, "会议"), scene.GroupId, seq);
        var hit = page.GetProperty("hits")[0];
        var range = hit.GetProperty("highlights")[0];
        Assert.Equal("会议", hit.GetProperty("snippet").GetString()!.Substring(range[0].GetInt32(), range[1].GetInt32()));
    }
}
