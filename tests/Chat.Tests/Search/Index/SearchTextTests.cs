using System.Text;
using Chat.Search.Indexing;
using Chat.Search.Text;

namespace Chat.Tests.Search.Index;

/// <summary>The one folder and tokenizer of index and query: what each script becomes.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Café Crème BRÛLÉE", "cafe creme brulee")]
    [InlineData("ＡＢＣ１２３　ｘｙｚ", "abc123 xyz")]
    [InlineData("  spaced\t\tout\nlines  ", "spaced out lines")]
    [InlineData("Ελληνικά Άλφα", "ελληνικα αλφα")]
    [InlineData("Ёлка Й", "елка и")]
    [InlineData("الْكِتَابُ", "الكتاب")]
    [InlineData("أحمد إسلام آمن", "احمد اسلام امن")]
    [InlineData("مدرسة مستشفى", "مدرسه مستشفي")]
    [InlineData("كـتـاب", "كتاب")]
    [InlineData("ｶﾞｲﾄﾞ ガイド", "ガイド ガイド")]
    [InlineData("パン ぱん", "パン ぱん")]
    public void Folding_drops_case_accents_width_and_arabic_variants_and_keeps_kana_voicing(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void The_fold_map_points_each_folded_character_at_its_original()
    {
        var folded = SearchText.FoldWithMap("Ａé  b");

        Assert.Equal("ae b", folded.Folded);
        // The one space between words stands where the next word starts.
        Assert.Equal([0, 1, 4, 4], folded.OriginalIndex);
    }

    [Fact]
    public void A_cjk_run_becomes_overlapping_bigrams_and_its_last_character()
    {
        Assert.Equal([("東京", 1), ("京都", 2), ("都", 3)], Lexemes("東京都"));
        Assert.Equal([("会", 1)], Lexemes("会"));
        Assert.Equal([("会议", 1), ("议", 2), ("room", 3), ("明天", 4), ("天", 5)], Lexemes("会议room 明天"));
        Assert.Equal([("ガイ", 1), ("イド", 2), ("ド", 3)], Lexemes(SearchText.Fold("ｶﾞｲﾄﾞ")));
    }

    [Fact]
    public void Korean_is_bigrams_like_chinese_and_japanese()
    {
        Assert.Equal([("안녕", 1), ("녕하", 2), ("하세", 3), ("세요", 4), ("요", 5)], Lexemes("안녕하세요"));
    }

    [Fact]
    public void Arabic_and_accented_words_are_words()
    {
        Assert.Equal([("والكتاب", 1), ("جديد", 2)], Lexemes(SearchText.Fold("وَالْكِتَابُ جديد")));
        Assert.Equal([("naive", 1), ("cafe", 2)], Lexemes(SearchText.Fold("naïve café")));
    }

    [Fact]
    public void Emoji_are_lexemes_of_their_own_without_the_variation_selector()
    {
        Assert.Equal([("party", 1), ("🎉", 2), ("now", 3), ("❤", 4), ("👍🏽", 5)], Lexemes("party 🎉now ❤️ 👍🏽"));
    }

    [Fact]
    public void A_hashtag_is_a_lexeme_at_the_position_of_its_word_and_a_hash_inside_a_word_is_not_one()
    {
        Assert.Equal([("#launch", 1), ("launch", 1), ("day", 2)], Lexemes("#launch day"));
        Assert.Equal([("we", 1), ("#東京", 2), ("東京", 2), ("京", 3)], Lexemes("we #東京"));
        Assert.Equal([("a", 1), ("b", 2)], Lexemes("a#b"));
        Assert.Equal([("c", 1)], Lexemes("# c"));
    }

    [Fact]
    public void A_long_word_is_cut_and_positions_stop_at_the_tsvector_limit()
    {
        var tokens = SearchTokenizer.Tokenize(new string('x', 300));
        Assert.Equal(SearchTokenizer.MaxWordChars, Assert.Single(tokens).Lexeme.Length);

        var many = SearchDocument.From(string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"w{i}")));
        Assert.EndsWith("'w19999':16383", many.Tsvector);
        Assert.StartsWith("'w0':1 'w1':2", many.Tsvector);
    }

    [Fact]
    public void The_tsvector_literal_quotes_what_needs_quoting()
    {
        var builder = new StringBuilder();
        SearchDocument.AppendQuoted(builder, @"o'k\x");
        Assert.Equal(@"'o''k\\x'", builder.ToString());
        Assert.Equal(new SearchDocument("it's 5", "'it':1 's':2 '5':3"), SearchDocument.From("It's 5"));
    }

    [Theory]
    [InlineData("text", "hello", null, "hello")]
    [InlineData("poll", "", """{"question":"Lunch?","options":["Ramen","Tapas"]}""", "Lunch?\nRamen\nTapas")]
    [InlineData("contact", "", """{"name":"Ana Lima","phone":"+351900000000"}""", "Ana Lima")]
    [InlineData("document", "see this", """{"fileId":"8d0c3f0e-5d3c-4bb0-9a43-c1a2d1e6f7a8","fileName":"Q3 report.pdf"}""", "see this\nQ3 report.pdf")]
    [InlineData("location", "", """{"latitude":1,"longitude":2}""", "")]
    [InlineData("image", "caption", """{"fileId":"8d0c3f0e-5d3c-4bb0-9a43-c1a2d1e6f7a8"}""", "caption")]
    public void The_indexed_text_is_the_content_and_the_words_metadata_shows(string type, string content, string? metadata, string expected) =>
        Assert.Equal(expected, IndexedText.Of(type, content, metadata));

    [Theory]
    [InlineData("image", new string[0], "", Chat.Search.SearchKinds.Image)]
    [InlineData("album", new[] { "image", "video" }, "", Chat.Search.SearchKinds.Image | Chat.Search.SearchKinds.Video)]
    [InlineData("voice", new[] { "audio" }, "", Chat.Search.SearchKinds.Voice)]
    [InlineData("audio", new[] { "audio" }, "", Chat.Search.SearchKinds.Audio)]
    [InlineData("document", new[] { "document" }, "", Chat.Search.SearchKinds.Document)]
    [InlineData("text", new string[0], "go to https://x.test", Chat.Search.SearchKinds.Link)]
    [InlineData("text", new string[0], "(www.example.org)", Chat.Search.SearchKinds.Link)]
    [InlineData("text", new string[0], "mailto:a@b.c or xhttp://y", Chat.Search.SearchKinds.None)]
    [InlineData("gif", new[] { "image" }, "", Chat.Search.SearchKinds.None)]
    public void Kinds_come_from_the_type_the_files_and_urls(string type, string[] files, string text, Chat.Search.SearchKinds expected) =>
        Assert.Equal(expected, IndexedKinds.Of(type, files, text));

    private static List<(string, int)> Lexemes(string folded) =>
        [.. SearchTokenizer.Tokenize(folded).Select(t => (t.Lexeme, t.Position))];
}
