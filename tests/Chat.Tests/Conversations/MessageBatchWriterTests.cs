using Chat.Conversations;
using Chat.Errors;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Conversations;

/// <summary>The group commit never lets one row Postgres refuses fail the rows written with it (issue 15, Input).</summary>
[Collection(MessagingCollection.Name)]
public sealed class MessageBatchWriterTests(GridWithFrontends grid)
{
    [Fact]
    public async Task A_row_postgres_refuses_fails_alone_with_bad_request_and_its_batch_neighbours_are_stored()
    {
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        var writer = new MessageBatchWriter(dataSource, NullLogger<MessageBatchWriter>.Instance);
        var conversationId = Guid.NewGuid();

        // Handed over before the writer starts, so all of them go in its first batch. None passed
        // MessageRules: the writer is the last line, for whatever reaches it.
        var rows = new (string Content, string? Metadata, bool Refused)[]
        {
            ("one", null, false),
            ("NUL \0 in text", null, true),
            ("three", null, false),
            ("unpaired \ud800 surrogate", null, true),
            ("five", """{"note":"\u0000"}""", true),
            ("six", """{"note":"fine"}""", false),
            ("seven", null, false),
        };
        var outcomes = rows.Select((row, i) => writer.InsertAsync(Message(conversationId, i + 1, row.Content, row.Metadata))).ToList();
        await writer.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i].Refused)
                {
                    var refused = await Assert.ThrowsAsync<ChatException>(() => outcomes[i]);
                    Assert.Equal(ErrorCodes.BadRequest, refused.Code);
                }
                else
                {
                    Assert.True(await outcomes[i], $"row {i + 1} was not inserted");
                }
            }
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        await using var stored = dataSource.CreateCommand("SELECT array_agg(content ORDER BY seq) FROM messages WHERE conversation_id = $1");
        stored.Parameters.AddWithValue(conversationId);
        Assert.Equal(["one", "three", "six", "seven"], (string[])(await stored.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task While_one_user_sends_nul_text_another_users_sends_in_another_conversation_all_succeed()
    {
        var mallory = await TestUser.RegisterAsync(grid.First.Http);
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.Second.Http);
        var spammed = await ConversationApi.CreateAsync(grid.First.Http, mallory, "group", "Spam");
        var quiet = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var malloryConnection = await ChatConnection.ConnectAsync(grid.First.Address, mallory);
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        var bad = Enumerable.Range(0, 100).Select(async _ =>
        {
            var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => malloryConnection.Hub.InvokeAsync<MessageAck>("SendMessage",
                new { conversationId = spammed.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "x\0y" }));
            return HubErrors.Code(refused);
        });
        var good = Enumerable.Range(0, 100).Select(i => aliceConnection.SendAsync(quiet.ConversationId, $"hello {i}"));

        var refusals = await Task.WhenAll(bad);
        var acks = await Task.WhenAll(good);

        Assert.All(refusals, code => Assert.Equal("bad_request", code));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), acks.Select(a => a.Seq).Order());
    }

    private static ChatMessage Message(Guid conversationId, long seq, string content, string? metadata) =>
        new(conversationId, seq, Guid.NewGuid(), Guid.NewGuid(), $"c{seq}", "text", content, null, metadata, DateTimeOffset.UtcNow, null, false);
}
