using System.Collections.Concurrent;
using Chat.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Conversations;

public sealed class SiloFailureDuringSendsTests : IAsyncLifetime
{
    private const int Conversations = 4;
    private const int MessagesPerConversation = 40;
    private GridCluster _grid = null!;

    public async Task InitializeAsync() => _grid = await GridCluster.StartAsync(silos: 2);

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact]
    public async Task A_silo_stopped_while_sends_are_in_flight_loses_no_acknowledged_message_and_leaves_no_gap()
    {
        var sender = await _grid.NewAccountAsync();
        var conversationIds = new List<Guid>();
        for (var i = 0; i < Conversations; i++)
        {
            var id = Guid.NewGuid();
            await _grid.Client.GetGrain<IConversationGrain>(id).CreateAsync(new ConversationCreation(sender, ConversationTypes.Group, $"c{i}", [await _grid.NewAccountAsync()]));
            conversationIds.Add(id);
        }

        var acks = new ConcurrentDictionary<(Guid, string), MessageAck>();
        var halfway = new TaskCompletionSource();
        var sent = 0;
        var senders = conversationIds.Select(id => Task.Run(async () =>
        {
            for (var n = 0; n < MessagesPerConversation; n++)
            {
                var clientId = $"m{n}";
                acks[(id, clientId)] = await SendUntilAcknowledgedAsync(id, new MessageDraft(sender, clientId, "text", $"message {n}", null, null));
                if (Interlocked.Increment(ref sent) == Conversations * MessagesPerConversation / 3)
                {
                    halfway.TrySetResult();
                }
            }
        })).ToList();

        await halfway.Task;
        await _grid.Cluster.StopSiloAsync(_grid.Cluster.SecondarySilos[0]);
        await Task.WhenAll(senders);

        await using var dataSource = _grid.Database.CreateDataSource();
        foreach (var id in conversationIds)
        {
            await using var command = dataSource.CreateCommand("SELECT seq, client_message_id FROM messages WHERE conversation_id = $1 ORDER BY seq");
            command.Parameters.AddWithValue(id);
            var stored = new List<(long Seq, string ClientId)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            Assert.Equal(Enumerable.Range(1, MessagesPerConversation).Select(i => (long)i), stored.Select(s => s.Seq));
            Assert.Equal(MessagesPerConversation, stored.Select(s => s.ClientId).Distinct().Count());
            foreach (var (seq, clientId) in stored)
            {
                Assert.Equal(seq, acks[(id, clientId)].Seq);
            }
        }
    }

    // What a real client does: retry with the same clientMessageId until it gets an ack.
    private async Task<MessageAck> SendUntilAcknowledgedAsync(Guid conversationId, MessageDraft draft)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _grid.Client.GetGrain<IConversationGrain>(conversationId).SendMessageAsync(draft);
            }
            catch (Exception) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }
}
