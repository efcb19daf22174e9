using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Chat.Files.Attachments;
using Chat.Search.Indexing;
using Chat.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Conversations;

/// <summary>
/// Group commit for message inserts: every conversation grain on this silo hands its insert to
/// one queue, and each round trip to Postgres carries everything that arrived meanwhile. A grain
/// awaits its own row's outcome, so nothing is acknowledged before it is durable.
/// </summary>
internal sealed partial class MessageBatchWriter(NpgsqlDataSource dataSource, ILogger<MessageBatchWriter> logger, SearchIndexSignal? searchSignal = null)
    : BackgroundService
{
    private const int MaxBatchSize = 1_000;

    // One statement: insert what does not conflict (same seq or same client id), and move the
    // sender's read cursor to the new message so their own messages never count as unread. The
    // files a message carries get their message_files rows (and their first attachment time) in the
    // same statement, only for the messages actually inserted: a message is never acknowledged
    // without its rows, nor rows written for a message that was not.
    private const string InsertSql = """
        WITH inserted AS (
            INSERT INTO messages (conversation_id, seq, message_id, sender_id, client_message_id, type, content, reply_to_seq, metadata, sent_at, expires_at)
            SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::jsonb[], $10::timestamptz[], $11::timestamptz[])
            ON CONFLICT DO NOTHING
            RETURNING conversation_id, seq, sender_id, message_id, sent_at
        ), cursors AS (
            UPDATE conversation_members m SET read_seq = i.seq, delivered_seq = GREATEST(m.delivered_seq, i.seq)
            FROM inserted i
            WHERE m.conversation_id = i.conversation_id AND m.user_id = i.sender_id AND m.read_seq < i.seq
        ), carried AS (
            SELECT f.conversation_id, f.seq, f.file_id, f.kind, i.sender_id, i.sent_at
            FROM unnest($12::uuid[], $13::bigint[], $14::uuid[], $15::text[]) AS f(conversation_id, seq, file_id, kind)
            JOIN inserted i ON i.conversation_id = f.conversation_id AND i.seq = f.seq
        ), file_rows AS (
            INSERT INTO message_files (conversation_id, seq, file_id, kind, sender_id, sent_at)
            SELECT * FROM carried
            ON CONFLICT DO NOTHING
        ), attached AS (
            UPDATE files SET attached_at = now() WHERE file_id IN (SELECT file_id FROM carried) AND attached_at IS NULL
        )
        SELECT message_id FROM inserted
        """;

    private readonly Channel<PendingInsert> _queue = Channel.CreateUnbounded<PendingInsert>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Returns true if the row (with the <c>message_files</c> rows of the files it carries) was inserted,
    /// false if it conflicted with an existing one.
    /// </summary>
    public Task<bool> InsertAsync(ChatMessage message, IReadOnlyList<MessageFileRow>? files = null)
    {
        var pending = new PendingInsert(message, files ?? [], new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Outcome.SetException(new ObjectDisposedException(nameof(MessageBatchWriter)));
        }

        return pending.Outcome.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingInsert>(MaxBatchSize);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await DrainOnceAsync(reader, batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Stopping: refuse new inserts, but finish those already handed over, so a grain that is
        // still awaiting its row during shutdown gets a true answer rather than a guess.
        _queue.Writer.TryComplete();
        while (reader.TryPeek(out _))
        {
            await DrainOnceAsync(reader, batch);
        }
    }

    private async Task DrainOnceAsync(ChannelReader<PendingInsert> reader, List<PendingInsert> batch)
    {
        while (batch.Count < MaxBatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        // Not cancellable: a half-abandoned insert would leave the grain unsure whether its row exists.
        await WriteBatchAsync(batch, CancellationToken.None);
        batch.Clear();
    }

    private async Task WriteBatchAsync(List<PendingInsert> batch, CancellationToken cancellationToken)
    {
        try
        {
            await WriteIsolatingAsync(batch, cancellationToken);
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }

    // One statement, so a refused one stored nothing. A row Postgres (or Npgsql) refuses fails only
    // itself: the batch is halved until the refused row stands alone, about 2·log2(n) more round
    // trips for one bad row in n. An outage is not a refusal and fails the whole batch at once.
    private async Task WriteIsolatingAsync(List<PendingInsert> batch, CancellationToken cancellationToken)
    {
        HashSet<Guid> inserted;
        try
        {
            inserted = await ExecuteInsertAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (RowRefusal.IsRefusal(ex))
        {
            if (batch.Count == 1)
            {
                LogRowRefused(logger, ex, batch[0].Message.ConversationId, batch[0].Message.Seq);
                batch[0].Outcome.TrySetException(RowRefusal.ToChatException());
                return;
            }

            var half = batch.Count / 2;
            await WriteIsolatingAsync(batch[..half], cancellationToken);
            await WriteIsolatingAsync(batch[half..], cancellationToken);
            return;
        }

        searchSignal?.Poke();
        foreach (var pending in batch)
        {
            pending.Outcome.TrySetResult(inserted.Contains(pending.Message.MessageId));
        }

        LogBatch(logger, batch.Count, inserted.Count);
    }

    private async Task<HashSet<Guid>> ExecuteInsertAsync(List<PendingInsert> batch, CancellationToken cancellationToken)
    {
        var count = batch.Count;
        var conversationIds = new Guid[count];
        var seqs = new long[count];
        var messageIds = new Guid[count];
        var senderIds = new Guid[count];
        var clientIds = new string[count];
        var types = new string[count];
        var contents = new string[count];
        var replies = new long?[count];
        var metadata = new string?[count];
        var sentAts = new DateTime[count];
        var expiresAts = new DateTime?[count];
        for (var i = 0; i < count; i++)
        {
            var m = batch[i].Message;
            (conversationIds[i], seqs[i], messageIds[i], senderIds[i]) = (m.ConversationId, m.Seq, m.MessageId, m.SenderId);
            (clientIds[i], types[i], contents[i], replies[i]) = (m.ClientMessageId, m.Type, m.Content, m.ReplyToSeq);
            (metadata[i], sentAts[i], expiresAts[i]) = (m.MetadataJson, m.SentAt.UtcDateTime, m.ExpiresAt?.UtcDateTime);
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationIds });
        command.Parameters.Add(new NpgsqlParameter { Value = seqs });
        command.Parameters.Add(new NpgsqlParameter { Value = messageIds });
        command.Parameters.Add(new NpgsqlParameter { Value = senderIds });
        command.Parameters.Add(new NpgsqlParameter { Value = clientIds });
        command.Parameters.Add(new NpgsqlParameter { Value = types });
        command.Parameters.Add(new NpgsqlParameter { Value = contents });
        command.Parameters.Add(new NpgsqlParameter { Value = replies });
        command.Parameters.Add(new NpgsqlParameter { Value = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = sentAts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = expiresAts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        AddFileRows(command, batch);

        var inserted = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    // Text messages carry no files: the arrays are then empty and the file part of the statement idles.
    private static void AddFileRows(NpgsqlCommand command, List<PendingInsert> batch)
    {
        var count = batch.Sum(p => p.Files.Count);
        var conversationIds = new Guid[count];
        var seqs = new long[count];
        var fileIds = new Guid[count];
        var kinds = new string[count];
        var row = 0;
        foreach (var pending in batch)
        {
            foreach (var file in pending.Files)
            {
                (conversationIds[row], seqs[row], fileIds[row], kinds[row]) = (pending.Message.ConversationId, pending.Message.Seq, file.FileId, file.Kind);
                row++;
            }
        }

        command.Parameters.Add(new NpgsqlParameter { Value = conversationIds });
        command.Parameters.Add(new NpgsqlParameter { Value = seqs });
        command.Parameters.Add(new NpgsqlParameter { Value = fileIds });
        command.Parameters.Add(new NpgsqlParameter { Value = kinds });
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Wrote a batch of {Count} messages, {Inserted} inserted")]
    private static partial void LogBatch(ILogger logger, int count, int inserted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message batch of {Count} failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postgres refused message {Seq} of {ConversationId}; its batch neighbours were written without it")]
    private static partial void LogRowRefused(ILogger logger, Exception exception, Guid conversationId, long seq);

    private sealed record PendingInsert(ChatMessage Message, IReadOnlyList<MessageFileRow> Files, TaskCompletionSource<bool> Outcome);
}
