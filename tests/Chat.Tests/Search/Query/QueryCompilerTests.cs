using Chat.Search.Query;

namespace Chat.Tests.Search.Query;

public sealed class QueryCompilerTests
{
    private static readonly Guid Caller = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    [Theory]
    [InlineData("meet", "%meet%")]
    [InlineData("Café,", "%cafe%")]
    [InlineData("ＡＢＣ", "%abc%")]
    [InlineData("100%_off", "%100\\%\\_off%")]
    [InlineData("والكتاب", "%والكتاب%")]
    public void Words_of_three_or_more_characters_match_by_substring(string term, string pattern)
    {
        var forms = TermForms.ForTerm(term);
        Assert.Equal(pattern, forms.LikePattern);
        Assert.Null(forms.Tsquery);
    }

    [Theory]
    [InlineData("ab", "'ab':*")]
    [InlineData("東京", "'東京'")]
    [InlineData("東京都", "'東京' <-> '京都'")]
    [InlineData("東", "'東':*")]
    [InlineData("会议室", "'会议' <-> '议室'")]
    [InlineData("🎉", "'🎉'")]
    [InlineData("서울역", "'서울' <-> '울역'")]
    public void Short_words_cjk_and_emoji_go_through_the_tsvector(string term, string tsquery)
    {
        var forms = TermForms.ForTerm(term);
        Assert.Null(forms.LikePattern);
        Assert.Equal(tsquery, forms.Tsquery);
    }

    [Fact]
    public void Phrases_of_latin_words_match_by_substring_and_cjk_phrases_by_adjacency()
    {
        Assert.Equal("%exact phrase%", TermForms.ForPhrase("Exact   Phrase").LikePattern);
        Assert.Equal("'東京' <2> '会议'", TermForms.ForPhrase("東京 会议").Tsquery);
        Assert.Equal("'a' <-> 'b'", TermForms.ForPhrase("a b").Tsquery);
    }

    [Fact]
    public void A_query_compiles_to_one_condition_with_parameters()
    {
        var parameters = new SqlParameters();
        var compiled = Compile("(budget OR ab) -draft #release", parameters);
        Assert.Equal("((s.body LIKE $1 OR s.document @@ $2::tsquery) AND NOT s.body LIKE $3 AND s.document @@ $4::tsquery)", compiled.Where);
        Assert.Equal(["%budget%", "'ab':*", "%draft%", "'#release'"], parameters.Values.Select(p => p.Value));
        Assert.Equal("'budget':* | 'ab':* | '#release'", compiled.RankTsquery);
        Assert.Equal(["budget", "ab", "#release"], compiled.Highlights);
    }

    [Fact]
    public void A_run_of_several_lexemes_asks_the_index_for_its_first_and_checks_the_whole_run_on_those_rows()
    {
        var parameters = new SqlParameters();
        var compiled = Compile("会议室", parameters);
        Assert.Equal("(s.document @@ $1::tsquery AND (s.document @@ $2::tsquery) IS TRUE)", compiled.Where);
        Assert.Equal(["'会议'", "'会议' <-> '议室'"], parameters.Values.Select(p => p.Value));
    }

    [Fact]
    public void Has_filters_test_the_kind_bits()
    {
        var parameters = new SqlParameters();
        Assert.Equal("(s.kinds & $1) <> 0", Compile("has:file", parameters).Where);
        Assert.Equal((short)31, parameters.Values[0].Value);
    }

    [Fact]
    public void Is_saved_reads_the_callers_bookmarks_and_is_pinned_the_pins()
    {
        var parameters = new SqlParameters();
        var compiled = Compile("is:saved is:pinned", parameters);
        Assert.Contains("FROM bookmarks b WHERE b.user_id = $1", compiled.Where);
        Assert.Contains("FROM pinned_messages p", compiled.Where);
        Assert.Equal(Caller, parameters.Values[0].Value);
        Assert.Null(compiled.RankTsquery);
    }

    [Fact]
    public void Dates_are_days_in_the_callers_time_zone()
    {
        var parameters = new SqlParameters();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var compiled = new QueryCompiler(QueryTarget.Messages, Caller, new ResolvedFilters(), zone, parameters)
            .Compile(QueryParser.Parse("on:2026-03-10 before:2026-03-01 after:2026-02-01"));
        Assert.Equal("((s.sent_at >= $1 AND s.sent_at < $2) AND s.sent_at < $3 AND s.sent_at >= $4)", compiled.Where);
        Assert.Equal(new DateTime(2026, 3, 9, 15, 0, 0, DateTimeKind.Utc), parameters.Values[0].Value);
        Assert.Equal(new DateTime(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc), parameters.Values[1].Value);
        Assert.Equal(new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc), parameters.Values[2].Value);
        Assert.Equal(new DateTime(2026, 2, 1, 15, 0, 0, DateTimeKind.Utc), parameters.Values[3].Value);
    }

    [Fact]
    public void A_day_that_begins_after_a_skipped_midnight_begins_at_the_first_instant_that_exists()
    {
        // Santiago skips from 00:00 to 01:00 when its summer time begins (2026-09-06).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var start = QueryCompiler.DayStart(new DateOnly(2026, 9, 6), zone);
        Assert.Equal(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc), start);
    }

    [Fact]
    public void From_and_in_use_the_resolved_ids()
    {
        var parameters = new SqlParameters();
        var root = QueryParser.Parse("from:@ana in:general");
        var resolved = new ResolvedFilters();
        var ana = Guid.NewGuid();
        var general = Guid.NewGuid();
        var filters = QueryParser.Leaves(root).OfType<FilterNode>().ToList();
        resolved.Set(filters[0], ana);
        resolved.Set(filters[1], general);
        var compiled = new QueryCompiler(QueryTarget.Messages, Caller, resolved, TimeZoneInfo.Utc, parameters).Compile(root);
        Assert.Equal("(s.sender_id = ANY($1) AND s.conversation_id = ANY($2))", compiled.Where);
        Assert.Equal(new[] { ana }, parameters.Values[0].Value);
        Assert.Equal(new[] { general }, parameters.Values[1].Value);
    }

    [Fact]
    public void File_queries_match_names_and_kinds()
    {
        var parameters = new SqlParameters();
        var compiled = new QueryCompiler(QueryTarget.Files, Caller, new ResolvedFilters(), TimeZoneInfo.Utc, parameters)
            .Compile(QueryParser.Parse("Report has:document -has:voice"));
        Assert.Equal(
            @"(search_fold_name(f.name) LIKE ('%' || replace(replace(replace(search_fold_name($1), '\', '\\'), '%', '\%'), '_', '\_') || '%') "
            + "AND mf.kind = $2 AND NOT m.type = 'voice')",
            compiled.Where);
        Assert.Equal(["report", "document"], parameters.Values.Select(p => p.Value));
    }

    private static CompiledQuery Compile(string query, SqlParameters parameters) =>
        new QueryCompiler(QueryTarget.Messages, Caller, new ResolvedFilters(), TimeZoneInfo.Utc, parameters).Compile(QueryParser.Parse(query));
}
