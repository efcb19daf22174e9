using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Chat.Tests.Conversations;

/// <summary>Messages with a time attached: self-destructing, scheduled, and away messages (auto-reply).</summary>
[Collection(MessagingCollection.Name)]
public sealed class TimedMessagesTests(GridWithFrontends grid)
{
    [Fact]
    public async Task A_self_destructing_message_reaches_the_other_member_then_is_emptied_for_everyone_and_in_the_table()
    {
        var (alice, bob, conversationId) = await DirectPairAsync();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        var kept = await aliceConnection.SendAsync(conversationId, "this one stays");
        var ack = await aliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId, clientMessageId = Guid.NewGuid().ToString(), content = "burn after reading", expiresInSeconds = 2 });

        var received = await bobConnection.NextMessagesAsync(2);
        Assert.Equal("burn after reading", received[1].Content);
        Assert.Equal(ack.SentAt.AddSeconds(2), received[1].ExpiresAt);
        Assert.Null(received[0].ExpiresAt);

        var updated = (await bobConnection.NextEventAsync("MessageUpdated", TimeSpan.FromSeconds(20))).Deserialize<ChatMessage>(JsonSerializerOptions.Web)!;
        Assert.Equal(ack.Seq, updated.Seq);
        Assert.True(updated.Deleted);
        Assert.Equal("", updated.Content);

        var history = await HistoryAsync(bob, conversationId);
        Assert.Equal(["this one stays", ""], history.Select(m => m.Content));
        Assert.Equal([false, true], history.Select(m => m.Deleted));
        Assert.Equal(kept.Seq, history[0].Seq);

        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var row = dataSource.CreateCommand("SELECT content, deleted_at IS NOT NULL FROM messages WHERE conversation_id = $1 AND seq = $2");
        row.Parameters.AddWithValue(conversationId);
        row.Parameters.AddWithValue(ack.Seq);
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
    }

    [Fact]
    public async Task A_scheduled_message_is_listed_to_its_sender_only_then_sent_at_its_time_and_a_cancelled_one_is_gone()
    {
        var (alice, bob, conversationId) = await DirectPairAsync();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);
        var later = await ScheduleAsync(aliceConnection, conversationId, "good morning", DateTimeOffset.UtcNow.AddSeconds(2), "sched-1");
        var cancelled = await ScheduleAsync(aliceConnection, conversationId, "never mind", DateTimeOffset.UtcNow.AddSeconds(3), "sched-2");
        var retried = await ScheduleAsync(aliceConnection, conversationId, "good morning", DateTimeOffset.UtcNow.AddSeconds(2), "sched-1");

        Assert.Equal(later.ScheduledId, retried.ScheduledId);
        var listed = await aliceConnection.Hub.InvokeAsync<List<ScheduledMessage>>("GetScheduledMessages", conversationId);
        Assert.Equal([later.ScheduledId, cancelled.ScheduledId], listed.Select(s => s.ScheduledId));
        Assert.Empty(await bobConnection.Hub.InvokeAsync<List<ScheduledMessage>>("GetScheduledMessages", conversationId));
        var notHis = await Assert.ThrowsAsync<HubException>(() => bobConnection.Hub.InvokeAsync("CancelScheduledMessage", conversationId, cancelled.ScheduledId));
        Assert.Equal("not_found", HubErrors.Code(notHis));

        await aliceConnection.Hub.InvokeAsync("CancelScheduledMessage", conversationId, cancelled.ScheduledId);
        var sent = await bobConnection.NextMessageAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(("good morning", alice.UserId, "sched-1"), (sent.Content, sent.SenderId, sent.ClientMessageId));
        Assert.True(sent.SentAt >= later.SendAt);
        // The grain removes the row in the same turn that sent it, so this call, queued behind it, sees it gone.
        Assert.Empty(await aliceConnection.Hub.InvokeAsync<List<ScheduledMessage>>("GetScheduledMessages", conversationId));
        Assert.Equal(["good morning"], (await HistoryAsync(alice, conversationId)).Select(m => m.Content));
    }

    [Fact]
    public async Task Bad_expiry_and_schedule_requests_are_refused_and_store_nothing()
    {
        var (alice, _, conversationId) = await DirectPairAsync();
        var outsider = await TestUser.RegisterAsync(grid.First.Http);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var outsiderConnection = await ChatConnection.ConnectAsync(grid.First.Address, outsider);

        foreach (var seconds in new[] { 0, -5, 604_801 })
        {
            var send = await Assert.ThrowsAsync<HubException>(() => connection.Hub.InvokeAsync<MessageAck>("SendMessage",
                new { conversationId, clientMessageId = Guid.NewGuid().ToString(), content = "x", expiresInSeconds = seconds }));
            Assert.Equal("bad_request", HubErrors.Code(send));
        }

        foreach (var sendAt in new DateTimeOffset?[] { null, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(366) })
        {
            var schedule = await Assert.ThrowsAsync<HubException>(() => connection.Hub.InvokeAsync<ScheduledMessage>("ScheduleMessage",
                new { conversationId, clientMessageId = Guid.NewGuid().ToString(), content = "x", sendAt }));
            Assert.Equal("bad_request", HubErrors.Code(schedule));
        }

        var forbidden = await Assert.ThrowsAsync<HubException>(() => ScheduleAsync(outsiderConnection, conversationId, "let me in", DateTimeOffset.UtcNow.AddHours(1), "x"));
        Assert.Equal("forbidden", HubErrors.Code(forbidden));

        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var count = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM messages WHERE conversation_id = $1) + (SELECT count(*) FROM scheduled_messages WHERE conversation_id = $1)");
        count.Parameters.AddWithValue(conversationId);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_away_message_answers_a_direct_message_once_and_never_answers_another_away_message()
    {
        var (alice, bob, conversationId) = await DirectPairAsync();
        var bad = await SetAutoReplyAsync(bob, new { enabled = true, message = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("bad_request", await bad.ProblemCodeAsync());
        var past = await SetAutoReplyAsync(bob, new { enabled = true, message = "Away", until = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var unchanged = await grid.First.Http.SendAsync(bob.Request(HttpMethod.Get, "/api/users/me/auto-reply"));
        Assert.False((await unchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());

        (await SetAutoReplyAsync(bob, new { enabled = true, message = "On holiday until Monday." })).EnsureSuccessStatusCode();
        (await SetAutoReplyAsync(alice, new { enabled = true, message = "Alice is away too." })).EnsureSuccessStatusCode();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        var first = await aliceConnection.SendAsync(conversationId, "Hi Bob!");
        var answered = await aliceConnection.NextMessagesAsync(2);
        var autoReply = answered[1];
        Assert.Equal((bob.UserId, "On holiday until Monday.", first.Seq), (autoReply.SenderId, autoReply.Content, autoReply.ReplyToSeq));
        Assert.True(JsonDocument.Parse(autoReply.MetadataJson!).RootElement.GetProperty("autoReply").GetBoolean());

        // Within the cooldown a second message gets no answer, and Bob's away message got none from Alice's.
        await aliceConnection.SendAsync(conversationId, "Are you there?");
        await aliceConnection.SendAsync(conversationId, "OK, later then.");
        var history = await HistoryAsync(alice, conversationId);
        Assert.Equal(["Hi Bob!", "On holiday until Monday.", "Are you there?", "OK, later then."], history.Select(m => m.Content));
    }

    private async Task<(TestUser Alice, TestUser Bob, Guid ConversationId)> DirectPairAsync()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        // Bob takes the chat: a message request gets no away message.
        (await grid.First.Http.SendAsync(bob.Request(HttpMethod.Post, $"/api/conversations/{conversation.ConversationId}/request/accept"))).EnsureSuccessStatusCode();
        return (alice, bob, conversation.ConversationId);
    }

    private static Task<ScheduledMessage> ScheduleAsync(ChatConnection connection, Guid conversationId, string content, DateTimeOffset sendAt, string clientMessageId) =>
        connection.Hub.InvokeAsync<ScheduledMessage>("ScheduleMessage", new { conversationId, clientMessageId, content, sendAt });

    private Task<HttpResponseMessage> SetAutoReplyAsync(TestUser user, object body) =>
        grid.First.Http.SendAsync(user.Request(HttpMethod.Put, "/api/users/me/auto-reply", body));

    private async Task<IReadOnlyList<ChatMessage>> HistoryAsync(TestUser user, Guid conversationId)
    {
        var response = await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{conversationId}/messages"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessagePage>())!.Messages;
    }
}
