using Chat.Errors;
using Chat.Search.Indexing;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Search.Query;

/// <summary>
/// Answers message searches from <c>message_search</c>: only conversations the caller is a member of when
/// the search starts, never the caller's hidden messages or expired ones, each hit of the page
/// confirmed against <c>messages</c> as its text is read for the snippet (the index trails its queue by a
/// moment, so a message just deleted may still be indexed). A plain class over the data source, so the
/// benchmark can call it without a cluster.
/// </summary>
public sealed class MessageSearchEngine(NpgsqlDataSource dataSource)
{
    /// <summary>Every hit gets this on top of its ts_rank, so a substring-only match (no lexeme matched) still ranks by recency.</summary>
    private const double SubstringBase = 0.05;

    /// <summary>The recency bonus (the half of the score above its floor) halves after this many days (see <see cref="ScoreSql"/>).</summary>
    private const double RecencyHalfLifeDays = 14;

    private readonly QueryFilterResolver _resolver = new(dataSource);

    public async Task<MessageSearchPage> SearchAsync(Guid userId, MessageSearchRequest request, CancellationToken cancellationToken = default)
    {
        var (query, zone) = SearchRequestRules.Validate(request);
        var byDate = request.Sort == MessageSearchSorts.Date;
        var cursor = request.Cursor is { Length: > 0 } text ? SearchCursor.Decode(text, request.Query, request.Sort) : null;
        var asOf = cursor?.AsOf ?? DateTimeOffset.UtcNow;
        var resolved = await _resolver.ResolveAsync(userId, query, cancellationToken);
        var conversations = await SearchedConversations.ReadAsync(dataSource, userId, request.ConversationId, cancellationToken);
        if (conversations.Length == 0)
        {
            return request.ConversationId is null
                ? new MessageSearchPage([], null)
                : throw ChatException.Forbidden("not a member of this conversation");
        }

        var parameters = new SqlParameters();
        var caller = parameters.Add(userId);
        var asOfParameter = parameters.Add(asOf.UtcDateTime, NpgsqlDbType.TimestampTz);
        var compiled = new QueryCompiler(QueryTarget.Messages, userId, resolved, zone, parameters).Compile(query);
        var mine = parameters.Add(conversations);
        var key = byDate ? "extract(epoch FROM s.sent_at) * 1000000" : ScoreSql(compiled, parameters, asOfParameter);
        var after = cursor is null
            ? ""
            : $"WHERE (key, conversation_id, seq) < ({parameters.Add(cursor.Key)}, {parameters.Add(cursor.ConversationId)}, {parameters.Add(cursor.Seq)})";
        var limit = parameters.Add(request.Limit + 1);

        var sql = PageSql(key, mine, caller, asOfParameter, compiled.Where, after, limit);
        var rows = new List<(MessageSearchHit? Hit, SearchCursor Position)>();
        await SearchStatement.ReadAsync(dataSource, sql, parameters, reader =>
        {
            var position = new SearchCursor(asOf, reader.GetDouble(4), reader.GetGuid(0), reader.GetInt64(1));
            rows.Add((reader.IsDBNull(5) ? null : ReadHit(reader, compiled), position));
        }, cancellationToken);

        var more = rows.Count > request.Limit;
        var shown = rows.Take(request.Limit).ToList();
        var next = more ? shown[^1].Position.Encode(request.Query, request.Sort) : null;
        return new MessageSearchPage([.. shown.Where(r => r.Hit is not null).Select(r => r.Hit!)], next);
    }

    // The caller's conversation ids as a literal array: an index condition on the primary key whose
    // row count the planner can estimate (an ARRAY(subquery) it cannot: it guessed 1,000 rows for
    // 22,000), so a user in 200 conversations reads only their rows whatever the words, and the GIN
    // indexes join in by BitmapAnd only when a word is rare enough to pay.
    private static string PageSql(string key, string mine, string caller, string asOfParameter, string where, string after, string limit) =>
        $"""
            WITH hits AS (
                SELECT s.conversation_id, s.seq, s.sender_id, s.sent_at, ({key})::float8 AS key
                FROM message_search s
                WHERE s.conversation_id = ANY({mine})
                  AND s.sent_at <= {asOfParameter}
                  AND (s.expires_at IS NULL OR s.expires_at > now())
                  AND NOT EXISTS (SELECT 1 FROM hidden_messages h WHERE h.user_id = {caller} AND h.conversation_id = s.conversation_id AND h.seq = s.seq)
                  AND {where}
            ), page AS (
                SELECT * FROM hits {after} ORDER BY key DESC, conversation_id DESC, seq DESC LIMIT {limit}
            )
            SELECT p.conversation_id, p.seq, p.sender_id, p.sent_at, p.key, m.type, m.content, m.metadata::text
            FROM page p
            LEFT JOIN messages m ON m.conversation_id = p.conversation_id AND m.seq = p.seq
                AND m.deleted_at IS NULL AND coalesce(m.expires_at > now(), true)
            ORDER BY p.key DESC, p.conversation_id DESC, p.seq DESC
            """;

    /// <summary>
    /// Relevance: (ts_rank over the positive terms' prefix lexemes + a base) × a recency factor from 1
    /// (now) falling hyperbolically towards ½ (half-way after <see cref="RecencyHalfLifeDays"/> days). The
    /// factor never goes below ½, so a strongly matching old message still beats a weak new one, while
    /// among similar matches the newer wins; hyperbolic rather than exponential so a year-old hit keeps a
    /// usable score instead of underflowing to a tie. Measured from the cursor's <c>asOf</c>, so it is
    /// the same on every page.
    /// </summary>
    private static string ScoreSql(CompiledQuery compiled, SqlParameters parameters, string asOf)
    {
        var rank = compiled.RankTsquery is { } tsquery ? $"ts_rank(s.document, {parameters.Add(tsquery)}::tsquery)" : "0";
        var ageDays = $"greatest(extract(epoch FROM {asOf} - s.sent_at)::float8, 0) / 86400.0";
        return $"({rank} + {SubstringBase}) * (0.5 + 0.5 / (1 + {ageDays} / {RecencyHalfLifeDays}))";
    }

    private static MessageSearchHit ReadHit(NpgsqlDataReader reader, CompiledQuery compiled)
    {
        // The text the index holds (a poll's options, a document's name too), so the snippet shows what matched.
        var text = IndexedText.Of(reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));
        var (snippet, highlights) = SnippetBuilder.Build(text, compiled.Highlights);
        return new MessageSearchHit(
            reader.GetGuid(0), reader.GetInt64(1), reader.GetGuid(2), new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
            reader.GetString(5), snippet, highlights);
    }
}
