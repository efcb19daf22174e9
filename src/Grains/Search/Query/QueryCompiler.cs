using Chat.Errors;
using NpgsqlTypes;

namespace Chat.Search.Query;

/// <summary>
/// Turns a parsed query into one SQL condition with parameters: over <c>message_search s</c> (terms by
/// <see cref="TermForms"/>: <c>s.body LIKE</c> for the pg_trgm index or <c>s.document @@</c> for the
/// GIN tsvector index) or over files in messages (<c>search_fold_name(f.name) LIKE</c> for <c>ix_files_name_folded_trgm</c>).
/// Dates are days in <paramref name="zone"/>; <c>from:</c> and <c>in:</c> come resolved.
/// </summary>
public sealed class QueryCompiler(QueryTarget target, Guid callerId, ResolvedFilters resolved, TimeZoneInfo zone, SqlParameters parameters)
{
    private readonly List<string> _rank = [];
    private readonly List<string> _highlights = [];

    public CompiledQuery Compile(QueryNode root)
    {
        var where = Condition(root, negated: false);
        var rank = _rank.Count == 0 ? null : string.Join(" | ", _rank.Distinct());
        return new CompiledQuery(where, rank, [.. _highlights.Distinct()]);
    }

    private string Condition(QueryNode node, bool negated) => node switch
    {
        AndNode and => "(" + string.Join(" AND ", and.Parts.Select(p => Condition(p, negated))) + ")",
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(p => Condition(p, negated))) + ")",
        NotNode not => $"NOT {Condition(not.Operand, !negated)}",
        TermNode term => Text(TermForms.ForTerm(term.Text), term.Text, negated),
        PhraseNode phrase => Text(TermForms.ForPhrase(phrase.Text), phrase.Text, negated),
        HashtagNode tag => Text(TermForms.ForHashtag(tag.Lexeme), tag.Lexeme, negated),
        FilterNode filter => Filter(filter),
        _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
    };

    private string Text(TermForms forms, string typed, bool negated)
    {
        if (!negated)
        {
            _rank.AddRange(forms.RankLexemes);
            _highlights.Add(forms.Folded);
        }

        if (target == QueryTarget.Files)
        {
            // Names and words folded alike by search_fold_name (migration 0510) for ix_files_name_folded_trgm;
            // the pattern is folded and escaped in SQL too, a constant once the parameter is bound.
            var word = parameters.Add(forms.Folded.Length > 0 ? forms.Folded : typed.Trim());
            return $"search_fold_name(f.name) LIKE ('%' || replace(replace(replace(search_fold_name({word}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')";
        }

        if (forms.LikePattern is { } pattern)
        {
            return $"s.body LIKE {parameters.Add(pattern)}";
        }

        // Postgres estimates a tsquery of several lexemes as if they were independent, multiplying their
        // frequencies, but a CJK word's bigrams always come together: 안녕하세요 (four bigrams, in 3.7 % of
        // the benchmark's messages) was estimated at 21 rows of 10 million, so the planner read all
        // 369,000 matches through the GIN index instead of the caller's 26,000 messages (0.8 s, not 0.1).
        // The index is asked only for the first lexeme, whose estimate is right (the statistics keep
        // single lexemes' frequencies), and the whole phrase is checked on the rows found; IS TRUE keeps
        // the planner from folding it back into the index condition (document is never null).
        return forms.IndexTsquery is { } first
            ? $"(s.document @@ {parameters.Add(first)}::tsquery AND (s.document @@ {parameters.Add(forms.Tsquery!)}::tsquery) IS TRUE)"
            : $"s.document @@ {parameters.Add(forms.Tsquery!)}::tsquery";
    }

    private string Filter(FilterNode filter) => filter.Filter switch
    {
        QueryFilter.From => $"{Column("sender_id")} = ANY({parameters.Add(resolved.IdsOf(filter))})",
        QueryFilter.In => $"{Column("conversation_id")} = ANY({parameters.Add(resolved.IdsOf(filter))})",
        QueryFilter.Before => $"{Column("sent_at")} < {Day(filter, 0)}",
        QueryFilter.After => $"{Column("sent_at")} >= {Day(filter, 1)}",
        QueryFilter.On => $"({Column("sent_at")} >= {Day(filter, 0)} AND {Column("sent_at")} < {Day(filter, 1)})",
        QueryFilter.Has => Has(filter.Value),
        QueryFilter.Is when filter.Value == "pinned" =>
            $"EXISTS (SELECT 1 FROM pinned_messages p WHERE p.conversation_id = {Column("conversation_id")} AND p.seq = {Column("seq")})",
        QueryFilter.Is => $"EXISTS (SELECT 1 FROM bookmarks b WHERE b.user_id = {parameters.Add(callerId)} "
            + $"AND b.conversation_id = {Column("conversation_id")} AND b.seq = {Column("seq")})",
        _ => throw new InvalidOperationException($"unknown filter {filter.Filter}"),
    };

    private string Column(string name) => (target == QueryTarget.Messages ? "s." : "mf.") + name;

    /// <summary>The instant <paramref name="filter"/>'s day (plus <paramref name="addDays"/>) begins in the caller's time zone.</summary>
    private string Day(FilterNode filter, int addDays)
    {
        var day = QueryParser.ParseDate(filter.Value).AddDays(addDays);
        return parameters.Add(DayStart(day, zone), NpgsqlDbType.TimestampTz);
    }

    public static DateTime DayStart(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock jumps over midnight (a DST change), the day begins at the first instant that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private string Has(string value)
    {
        if (target == QueryTarget.Messages)
        {
            var bits = value switch
            {
                "image" => SearchKinds.Image,
                "video" => SearchKinds.Video,
                "voice" => SearchKinds.Voice,
                "audio" => SearchKinds.Audio,
                "document" => SearchKinds.Document,
                "file" => SearchKinds.AnyFile,
                "link" => SearchKinds.Link,
                _ => throw ChatException.BadRequest($"unknown has: value '{value}'"),
            };
            return $"(s.kinds & {parameters.Add((short)bits, NpgsqlDbType.Smallint)}) <> 0";
        }

        return value switch
        {
            "file" => "true",
            "voice" => "m.type = 'voice'",
            "audio" => "(mf.kind = 'audio' AND m.type <> 'voice')",
            "link" => @"m.content ~* '(https?://|www\.)'",
            _ => $"mf.kind = {parameters.Add(value)}",
        };
    }
}
