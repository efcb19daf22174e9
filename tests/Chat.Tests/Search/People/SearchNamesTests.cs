using Chat.Search.People;

namespace Chat.Tests.Search.People;

public sealed class SearchNamesTests
{
    [Fact]
    public void Words_are_folded_split_at_punctuation_and_CJK_words_give_their_tails()
    {
        var words = SearchNames.Words("ana_silva", "Anne-Marie 山田太郎");

        string[] expected = ["ana_silva", "ana", "silva", "anne-marie", "anne", "marie", "山田太郎", "田太郎", "太郎", "郎"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), words.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("jo alv", true)]
    [InlineData("ÁLVAREZ", true)]
    [InlineData("varez", false)]
    [InlineData("jose x", false)]
    public void A_query_matches_when_every_word_is_a_prefix_of_a_word(string query, bool matches) =>
        Assert.Equal(matches, SearchNames.Match(SearchNames.QueryWords(query), "José Álvarez"));

    [Fact]
    public void Tsquery_and_tsvector_literals_quote_what_tsquery_syntax_would_read()
    {
        Assert.Equal("'o''brien':* & '\\\\x':*", SearchNames.Tsquery(["o'brien", "\\x"], prefix: true));
        Assert.Equal("'a' & 'b'", SearchNames.Tsquery(["a", "b"], prefix: false));
        Assert.Equal("'a' 'b'", SearchNames.Tsvector(["b", "a"]));
        Assert.Equal(@"%a\_b\%c\\%", SearchNames.ContainsPattern(@"a_b%c\"));
    }
}
