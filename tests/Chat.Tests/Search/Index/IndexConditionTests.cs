using Chat.Search.Query;

namespace Chat.Tests.Search.Index;

/// <summary>
/// What the GIN index is asked for (found by the 10-million-message benchmark, docs/benchmarks.md): a
/// tsquery of several lexemes is estimated as if they were independent, so the index gets its first
/// lexeme alone and the whole of it is checked on the rows found.
/// </summary>
public sealed class IndexConditionTests
{
    [Theory]
    [InlineData("안녕하세요", "'안녕'", "'안녕' <-> '녕하' <-> '하세' <-> '세요'")]
    [InlineData("東京都", "'東京'", "'東京' <-> '京都'")]
    public void A_cjk_word_of_several_bigrams_asks_the_index_for_its_first(string term, string index, string whole)
    {
        var forms = TermForms.ForTerm(term);
        Assert.Equal(index, forms.IndexTsquery);
        Assert.Equal(whole, forms.Tsquery);
    }

    [Theory]
    [InlineData("東京")]
    [InlineData("ab")]
    [InlineData("🎉")]
    [InlineData("meeting")]
    public void A_single_lexeme_or_a_substring_term_is_asked_as_it_is(string term) =>
        Assert.Null(TermForms.ForTerm(term).IndexTsquery);

    [Fact]
    public void The_compiled_condition_checks_the_whole_phrase_outside_the_index()
    {
        var parameters = new SqlParameters();
        var compiled = new QueryCompiler(QueryTarget.Messages, Guid.NewGuid(), new ResolvedFilters(), TimeZoneInfo.Utc, parameters)
            .Compile(QueryParser.Parse("東京都 -\"a b\""));

        Assert.Equal("((s.document @@ $1::tsquery AND (s.document @@ $2::tsquery) IS TRUE) AND NOT (s.document @@ $3::tsquery AND (s.document @@ $4::tsquery) IS TRUE))", compiled.Where);
        Assert.Equal(["'東京'", "'東京' <-> '京都'", "'a'", "'a' <-> 'b'"], parameters.Values.Select(p => p.Value));
    }
}
