using Chat.Files.Attachments;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Search.Query;

/// <summary>
/// Answers file searches: files in messages the caller may see now (a member, as the files tab: not of
/// deleted or expired messages, not deleted files, not messages the caller hid) whose name has the
/// query's words (<c>ix_files_name_trgm</c>), with the same filters, newest first. A file in two
/// messages is two hits.
/// </summary>
public sealed class FileSearchEngine(NpgsqlDataSource dataSource)
{
    private const string Sort = "files";

    private readonly QueryFilterResolver _resolver = new(dataSource);

    public async Task<FileSearchPage> SearchAsync(Guid userId, MessageSearchRequest request, CancellationToken cancellationToken = default)
    {
        var (query, zone) = SearchRequestRules.Validate(request with { Sort = MessageSearchSorts.Date });
        var cursor = request.Cursor is { Length: > 0 } text ? SearchCursor.Decode(text, request.Query, Sort) : null;
        var asOf = cursor?.AsOf ?? DateTimeOffset.UtcNow;
        var resolved = await _resolver.ResolveAsync(userId, query, cancellationToken);
        var conversations = await SearchedConversations.ReadAsync(dataSource, userId, null, cancellationToken);
        if (conversations.Length == 0)
        {
            return new FileSearchPage([], null);
        }

        var parameters = new SqlParameters();
        var caller = parameters.Add(userId);
        var asOfParameter = parameters.Add(asOf.UtcDateTime, NpgsqlDbType.TimestampTz);
        var mine = parameters.Add(conversations);
        var compiled = new QueryCompiler(QueryTarget.Files, userId, resolved, zone, parameters).Compile(query);
        const string key = "(extract(epoch FROM mf.sent_at) * 1000000)::float8";
        var after = cursor is null
            ? ""
            : $"AND ({key}, mf.conversation_id, mf.seq, mf.file_id) < ({parameters.Add(cursor.Key)}, {parameters.Add(cursor.ConversationId)}, "
              + $"{parameters.Add(cursor.Seq)}, {parameters.Add(cursor.FileId ?? Guid.Empty)})";
        var limit = parameters.Add(request.Limit + 1);
        var sql = $"""
            SELECT mf.conversation_id, mf.seq, mf.sender_id, mf.sent_at, {key}, {FileDescriptionColumns.Sql}
            FROM message_files mf
            JOIN files f ON f.file_id = mf.file_id AND f.deleted_at IS NULL
            JOIN messages m ON m.conversation_id = mf.conversation_id AND m.seq = mf.seq
                AND m.deleted_at IS NULL AND coalesce(m.expires_at > now(), true)
            WHERE mf.conversation_id = ANY({mine})
              AND NOT mf.deleted AND mf.sent_at <= {asOfParameter}
              AND NOT EXISTS (SELECT 1 FROM hidden_messages h WHERE h.user_id = {caller} AND h.conversation_id = mf.conversation_id AND h.seq = mf.seq)
              AND {compiled.Where} {after}
            ORDER BY {key} DESC, mf.conversation_id DESC, mf.seq DESC, mf.file_id DESC
            LIMIT {limit}
            """;
        var hits = new List<(FileSearchHit Hit, double Key)>();
        await SearchStatement.ReadAsync(dataSource, sql, parameters, reader =>
        {
            var file = FileDescriptionColumns.Read(reader, 5);
            var highlights = SnippetBuilder.Matches(file.Name, compiled.Highlights).Select(m => new[] { m.Start, m.End - m.Start }).ToList();
            hits.Add((new FileSearchHit(reader.GetGuid(0), reader.GetInt64(1), reader.GetGuid(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), file, highlights), reader.GetDouble(4)));
        }, cancellationToken);

        var shown = hits.Take(request.Limit).ToList();
        var next = hits.Count > request.Limit
            ? new SearchCursor(asOf, shown[^1].Key, shown[^1].Hit.ConversationId, shown[^1].Hit.Seq, shown[^1].Hit.File.FileId).Encode(request.Query, Sort)
            : null;
        return new FileSearchPage([.. shown.Select(h => h.Hit)], next);
    }
}
