using Chat.Conversations;
using Chat.Errors;
using Chat.Files.Attachments;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Files.Attachments;

/// <summary>The batch writer stores a message's <c>message_files</c> rows with it, and never without it.</summary>
[Collection(MessagingCollection.Name)]
public sealed class MessageFileRowsWriterTests(GridWithFrontends grid)
{
    private readonly FileRows _files = new(grid.Grid.Database);

    [Fact]
    public async Task A_refused_message_and_a_conflicting_retry_write_no_file_rows_while_their_batch_neighbours_write_theirs()
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        var writer = new MessageBatchWriter(dataSource, NullLogger<MessageBatchWriter>.Instance);
        var conversationId = Guid.NewGuid();
        var senderId = Guid.NewGuid();
        var (kept, refused, retried) = (await _files.CompletedAsync(senderId), await _files.CompletedAsync(senderId), await _files.CompletedAsync(senderId));
        var first = Message(conversationId, 1, senderId, "c1", "fine");

        // Handed over before the writer starts, so all of them go in its first batch: the refused one
        // (NUL in its text) is isolated by halving, the retry conflicts on its client id.
        var outcomes = new[]
        {
            writer.InsertAsync(first, [new MessageFileRow(kept, "image")]),
            writer.InsertAsync(Message(conversationId, 2, senderId, "c2", "NUL \0 here"), [new MessageFileRow(refused, "image")]),
            writer.InsertAsync(first with { Seq = 3, MessageId = Guid.NewGuid() }, [new MessageFileRow(retried, "image")]),
        };
        await writer.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await outcomes[0]);
            Assert.Equal(ErrorCodes.BadRequest, (await Assert.ThrowsAsync<ChatException>(() => outcomes[1])).Code);
            Assert.False(await outcomes[2]);
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        Assert.Equal([(conversationId, 1L, "image", false)], await _files.RowsAsync(kept));
        Assert.True((await _files.StateAsync(kept)).Attached);
        Assert.Empty(await _files.RowsAsync(refused));
        Assert.False((await _files.StateAsync(refused)).Attached);
        Assert.Empty(await _files.RowsAsync(retried));
        Assert.False((await _files.StateAsync(retried)).Attached);
    }

    private static ChatMessage Message(Guid conversationId, long seq, Guid senderId, string clientId, string content) =>
        new(conversationId, seq, Guid.NewGuid(), senderId, clientId, "image", content, null, null, DateTimeOffset.UtcNow, null, false);
}
