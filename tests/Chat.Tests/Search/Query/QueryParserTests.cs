using Chat.Search.Query;

namespace Chat.Tests.Search.Query;

public sealed class QueryParserTests
{
    [Fact]
    public void Words_side_by_side_are_anded()
    {
        var and = Assert.IsType<AndNode>(QueryParser.Parse("budget  report"));
        Assert.Equal([new TermNode("budget", 0), new TermNode("report", 8)], and.Parts);
    }

    [Fact]
    public void Or_binds_tighter_than_the_implicit_and()
    {
        var and = Assert.IsType<AndNode>(QueryParser.Parse("a b OR c"));
        Assert.Equal(new TermNode("a", 0), and.Parts[0]);
        var or = Assert.IsType<OrNode>(and.Parts[1]);
        Assert.Equal([new TermNode("b", 2), new TermNode("c", 7)], or.Parts);
    }

    [Fact]
    public void Lower_case_or_is_a_word()
    {
        var and = Assert.IsType<AndNode>(QueryParser.Parse("tea or coffee"));
        Assert.Equal(3, and.Parts.Count);
        Assert.Equal(new TermNode("or", 4), and.Parts[1]);
    }

    [Fact]
    public void Parentheses_group_and_a_minus_excludes()
    {
        var and = Assert.IsType<AndNode>(QueryParser.Parse("(budget OR cost) -draft"));
        var or = Assert.IsType<OrNode>(and.Parts[0]);
        Assert.Equal([new TermNode("budget", 1), new TermNode("cost", 11)], or.Parts);
        Assert.Equal(new NotNode(new TermNode("draft", 18), 17), and.Parts[1]);
    }

    [Fact]
    public void Excluded_phrase_group_and_filter()
    {
        var and = Assert.IsType<AndNode>(QueryParser.Parse("x -\"a b\" -(c d) -has:image"));
        Assert.Equal(new NotNode(new PhraseNode("a b", 3), 2), and.Parts[1]);
        var group = Assert.IsType<NotNode>(and.Parts[2]);
        Assert.IsType<AndNode>(group.Operand);
        Assert.Equal(new NotNode(new FilterNode(QueryFilter.Has, "image", 17, 21), 16), and.Parts[3]);
    }

    [Fact]
    public void A_hyphen_inside_a_word_is_part_of_it()
    {
        Assert.Equal(new TermNode("e-mail", 0), QueryParser.Parse("e-mail"));
    }

    [Fact]
    public void Phrases_keep_their_text()
    {
        Assert.Equal(new PhraseNode("exact phrase", 0), QueryParser.Parse("\"exact phrase\""));
    }

    [Fact]
    public void Hashtags_are_folded_lexemes()
    {
        Assert.Equal(new HashtagNode("#release", 0), QueryParser.Parse("#Release"));
        Assert.Equal(new HashtagNode("#東京", 0), QueryParser.Parse("#東京"));
    }

    [Theory]
    [InlineData("from:@ana", QueryFilter.From, "@ana")]
    [InlineData("from:me", QueryFilter.From, "me")]
    [InlineData("in:@bob", QueryFilter.In, "@bob")]
    [InlineData("in:general", QueryFilter.In, "general")]
    [InlineData("in:\"two words\"", QueryFilter.In, "two words")]
    [InlineData("before:2026-01-31", QueryFilter.Before, "2026-01-31")]
    [InlineData("after:2026-01-31", QueryFilter.After, "2026-01-31")]
    [InlineData("on:2026-02-28", QueryFilter.On, "2026-02-28")]
    [InlineData("has:Image", QueryFilter.Has, "image")]
    [InlineData("is:saved", QueryFilter.Is, "saved")]
    public void Filters_parse_with_their_value(string query, QueryFilter filter, string value)
    {
        var node = Assert.IsType<FilterNode>(QueryParser.Parse(query));
        Assert.Equal(filter, node.Filter);
        Assert.Equal(value, node.Value);
        Assert.Equal(0, node.Position);
    }

    [Fact]
    public void Filters_alone_are_a_query()
    {
        var and = Assert.IsType<AndNode>(QueryParser.Parse("from:@ana has:image"));
        Assert.All(and.Parts, p => Assert.IsType<FilterNode>(p));
    }

    [Fact]
    public void A_url_is_a_word_not_a_filter()
    {
        Assert.Equal(new TermNode("https://example.com/x", 0), QueryParser.Parse("https://example.com/x"));
    }

    [Fact]
    public void Punctuation_alone_is_left_out()
    {
        Assert.Equal(new TermNode("hello", 3), QueryParser.Parse("!! hello - ..."));
    }

    [Theory]
    [InlineData("budget \"draft", "unclosed quote at 7", 7)]
    [InlineData("a b c ) d", "unmatched ')' at 6", 6)]
    [InlineData("(a b", "unclosed '(' at 0", 0)]
    [InlineData("sort:date x", "unknown filter 'sort:' at 0", 0)]
    [InlineData("has:pdf", "has: takes image, video, voice, audio, document, file or link (at 4)", 4)]
    [InlineData("is:read", "is: takes pinned or saved (at 3)", 3)]
    [InlineData("x before:2026-13-01", "bad date '2026-13-01' at 9", 9)]
    [InlineData("on:yesterday", "bad date 'yesterday' at 3", 3)]
    [InlineData("from: x", "from: needs a value (at 5)", 5)]
    [InlineData("in:\"general", "unclosed quote at 3", 3)]
    [InlineData("OR a", "'OR' needs something to search for on each side at 0", 0)]
    [InlineData("a OR", "'OR' needs something to search for on each side at 2", 2)]
    [InlineData("a OR OR b", "'OR' needs something to search for on each side at 2", 2)]
    [InlineData("(a OR) b", "'OR' needs something to search for on each side at 3", 3)]
    public void Malformed_queries_say_what_and_where(string query, string message, int position)
    {
        var refused = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));
        Assert.Equal(message, refused.Message);
        Assert.Equal(position, refused.Position);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-draft")]
    [InlineData("-draft -\"old plan\" -has:image")]
    [InlineData("!!! ,,")]
    [InlineData("()")]
    public void Empty_or_only_excluding_queries_have_nothing_to_search_for(string? query)
    {
        var refused = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));
        Assert.Equal("nothing to search for", refused.Message);
        Assert.Null(refused.Position);
    }

    [Fact]
    public void A_query_over_512_characters_is_refused()
    {
        QueryParser.Parse(new string('a', 512));
        var refused = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(new string('a', 513)));
        Assert.Equal(512, refused.Position);
    }

    [Fact]
    public void More_than_32_terms_are_refused_at_the_33rd()
    {
        QueryParser.Parse(string.Join(' ', Enumerable.Repeat("ab", 32)));
        var refused = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(string.Join(' ', Enumerable.Repeat("ab", 33))));
        Assert.Equal("more than 32 terms at 96", refused.Message);
        Assert.Equal(96, refused.Position);
    }
}
