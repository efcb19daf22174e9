using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Accounts;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Security;

/// <summary>Ranges, required bodies, server-owned metadata, forwards of self-destructing messages and how refusals are logged (issue 15, Input).</summary>
[Collection(MessagingCollection.Name)]
public sealed class RequestRulesTests(GridWithFrontends grid)
{
    [Fact]
    public async Task Mute_and_invite_times_out_of_range_and_missing_bodies_are_refused_with_the_range_and_change_nothing()
    {
        var owner = await TestUser.RegisterAsync(grid.First.Http);
        var group = await ConversationApi.CreateAsync(grid.First.Http, owner, "group", "Ranges");
        var mute = $"/api/conversations/{group.ConversationId}/mute";
        var invites = $"/api/conversations/{group.ConversationId}/invites";

        foreach (var until in new[] { DateTimeOffset.UtcNow.AddMinutes(-1), new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) })
        {
            var response = await grid.First.Http.SendAsync(owner.Request(HttpMethod.Put, mute, new { until }));
            await response.AssertBadRequestAsync($"mute until {until}");
            Assert.Contains("at most 365 days ahead", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

            var invite = await grid.First.Http.SendAsync(owner.Request(HttpMethod.Post, invites, new { expiresAt = until }));
            await invite.AssertBadRequestAsync($"invite expiring {until}");
            Assert.Contains("at most 365 days ahead", (await invite.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        foreach (var maxUses in new[] { 0, 100_001 })
        {
            await (await grid.First.Http.SendAsync(owner.Request(HttpMethod.Post, invites, new { maxUses }))).AssertBadRequestAsync($"maxUses {maxUses}");
        }

        await (await grid.First.Http.SendAsync(EmptyJson(owner, HttpMethod.Put, mute))).AssertBadRequestAsync("mute with an empty body");
        await (await grid.First.Http.SendAsync(EmptyJson(owner, HttpMethod.Post, invites))).AssertBadRequestAsync("invite with an empty body");
        Assert.False((await grid.First.Http.SendAsync(owner.Request(HttpMethod.Put, mute))).IsSuccessStatusCode);
        Assert.False((await grid.First.Http.SendAsync(owner.Request(HttpMethod.Post, invites))).IsSuccessStatusCode);

        var list = await (await grid.First.Http.SendAsync(owner.Request(HttpMethod.Get, "/api/conversations"))).JsonAsync();
        var item = list.EnumerateArray().Single(c => c.GetProperty("conversationId").GetGuid() == group.ConversationId);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("mutedUntil").ValueKind);
        var none = await grid.First.Http.SendAsync(owner.Request(HttpMethod.Post, "/api/invites/" + group.ConversationId.ToString("N") + ".x/join"));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        // In range they work: a mute for a week, a link for a day, and {} for a link without limits.
        (await grid.First.Http.SendAsync(owner.Request(HttpMethod.Put, mute, new { until = DateTimeOffset.UtcNow.AddDays(7) }))).EnsureSuccessStatusCode();
        (await grid.First.Http.SendAsync(owner.Request(HttpMethod.Post, invites, new { expiresAt = DateTimeOffset.UtcNow.AddDays(1) }))).EnsureSuccessStatusCode();
        (await grid.First.Http.SendAsync(owner.Request(HttpMethod.Post, invites, new { }))).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("""{"autoReply":true}""", null, "metadata.autoReply")]
    [InlineData("""{"call":{"outcome":"ended"}}""", null, "metadata.call")]
    [InlineData("""{"forwardedFrom":{"seq":1}}""", null, "metadata.forwardedFrom")]
    [InlineData(null, "auto-reply:1", "clientMessageId")]
    [InlineData(null, "call:abc", "clientMessageId")]
    public async Task A_client_cannot_send_or_schedule_what_only_the_server_writes(string? metadata, string? clientMessageId, string field)
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var group = await ConversationApi.CreateAsync(grid.First.Http, user, "group", "Forgery");
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, user);
        var meta = metadata is null ? (JsonElement?)null : JsonDocument.Parse(metadata).RootElement;
        var clientId = clientMessageId ?? Guid.NewGuid().ToString();

        var send = await Assert.ThrowsAsync<HubException>(() => connection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId = group.ConversationId, clientMessageId = clientId, content = "I am away", metadata = meta }));
        var schedule = await Assert.ThrowsAsync<HubException>(() => connection.Hub.InvokeAsync<ScheduledMessage>("ScheduleMessage",
            new { conversationId = group.ConversationId, clientMessageId = clientId, content = "I am away", metadata = meta, sendAt = DateTimeOffset.UtcNow.AddHours(1) }));

        Assert.Equal(("bad_request", "bad_request"), (HubErrors.Code(send), HubErrors.Code(schedule)));
        Assert.Contains(field, send.Message, StringComparison.Ordinal);
        var history = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{group.ConversationId}/messages"))).Content.ReadFromJsonAsync<MessagePage>();
        Assert.Empty(history!.Messages);
    }

    [Fact]
    public async Task A_forward_carries_the_self_destruct_timer_and_drops_what_the_server_wrote_about_the_original()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var elsewhere = await ConversationApi.CreateAsync(grid.First.Http, bob, "group", "Elsewhere");
        // Bob accepts the chat first: a message request gets no away message.
        (await grid.First.Http.SendAsync(bob.Request(HttpMethod.Post, $"/api/conversations/{direct.ConversationId}/request/accept"))).EnsureSuccessStatusCode();
        (await grid.First.Http.SendAsync(bob.Request(HttpMethod.Put, "/api/users/me/auto-reply", new { enabled = true, message = "Away" }))).EnsureSuccessStatusCode();
        await using var aliceConnection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        var timed = await aliceConnection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { direct.ConversationId, clientMessageId = Guid.NewGuid().ToString(), content = "gone in a minute", expiresInSeconds = 60 });
        var received = await bobConnection.NextMessagesAsync(2);
        var autoReply = received.Single(m => m.SenderId == bob.UserId);

        var copy = await bobConnection.Hub.InvokeAsync<MessageAck>("ForwardMessage", direct.ConversationId, timed.Seq, elsewhere.ConversationId, Guid.NewGuid().ToString());
        var forwardedAway = await bobConnection.Hub.InvokeAsync<MessageAck>("ForwardMessage", direct.ConversationId, autoReply.Seq, elsewhere.ConversationId, Guid.NewGuid().ToString());

        var history = await (await grid.First.Http.SendAsync(bob.Request(HttpMethod.Get, $"/api/conversations/{elsewhere.ConversationId}/messages"))).Content.ReadFromJsonAsync<MessagePage>();
        var timedCopy = history!.Messages.Single(m => m.Seq == copy.Seq);
        var original = received.Single(m => m.Seq == timed.Seq);
        Assert.NotNull(timedCopy.ExpiresAt);
        Assert.InRange(timedCopy.ExpiresAt!.Value, original.ExpiresAt!.Value.AddSeconds(-2), original.ExpiresAt.Value);

        var awayCopy = JsonDocument.Parse(history.Messages.Single(m => m.Seq == forwardedAway.Seq).MetadataJson!).RootElement;
        Assert.False(awayCopy.TryGetProperty("autoReply", out _));
        Assert.Equal(autoReply.Seq, awayCopy.GetProperty("forwardedFrom").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task A_refused_hub_call_is_logged_once_at_debug_with_its_code_and_never_at_error()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var stranger = await TestUser.RegisterAsync(grid.First.Http);
        var theirs = await ConversationApi.CreateAsync(grid.First.Http, stranger, "group", "Not yours");
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, user);
        var marker = $"refusal-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId = theirs.ConversationId, clientMessageId = marker, content = "let me in" }));
        Assert.Equal("forbidden", HubErrors.Code(refused));
        var invalid = await Assert.ThrowsAsync<HubException>(() => connection.Hub.InvokeAsync<MessageAck>("SendMessage",
            new { conversationId = theirs.ConversationId, clientMessageId = marker, content = "" }));
        Assert.Equal("bad_request", HubErrors.Code(invalid));

        var rest = await grid.First.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/users/me/profile")
        {
            Headers = { Authorization = new("Bearer", user.AccessToken) },
            Content = new StringContent($$"""{"bio":"{{marker}}\u0000"}""", Encoding.UTF8, "application/json"),
        });
        await rest.AssertBadRequestAsync("NUL in bio");

        await Eventually.TrueAsync(() => CapturedLogs.Shared.Lines.Count(l => l.StartsWith("Debug Chat.Frontend.Realtime.HubErrorFilter", StringComparison.Ordinal)
            && l.Contains("SendMessage refused with", StringComparison.Ordinal)) >= 2, "two debug lines of refusals");
        Assert.Contains(CapturedLogs.Shared.Lines, l => l.Contains("SendMessage refused with forbidden", StringComparison.Ordinal));
        // SignalR's own copy (at error, with the stack) is not written for any hub call, refused or failed.
        Assert.DoesNotContain(CapturedLogs.Shared.Lines, l => l.StartsWith("Error Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", StringComparison.Ordinal));
        Assert.DoesNotContain(CapturedLogs.Shared.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("UnstorableTextException", StringComparison.Ordinal));
        Assert.DoesNotContain(CapturedLogs.Shared.Lines, l => l.StartsWith("Error Chat.Frontend.Realtime.HubErrorFilter", StringComparison.Ordinal)
            && (l.Contains("forbidden", StringComparison.Ordinal) || l.Contains("bad_request", StringComparison.Ordinal)));
    }

    private static HttpRequestMessage EmptyJson(TestUser user, HttpMethod method, string path)
    {
        var request = user.Request(method, path);
        request.Content = new StringContent("", Encoding.UTF8, "application/json");
        return request;
    }
}
