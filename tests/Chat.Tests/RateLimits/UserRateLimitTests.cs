using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Chat.Calls;
using Chat.Conversations;
using Chat.RateLimits;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.RateLimits;

/// <summary>Per-user and per-target limits hold across Frontends and answer <c>rate_limited</c>.</summary>
[Collection(MessagingCollection.Name)]
public sealed class UserRateLimitTests(GridWithFrontends grid)
{
    private static readonly AbuseLimits Defaults = new();

    [Fact]
    public async Task A_flood_of_sends_is_cut_at_the_per_sender_rate_and_another_frontend_does_not_reset_it()
    {
        var (alice, bob) = (await TestUser.RegisterAsync(grid.First.Http), await TestUser.RegisterAsync(grid.First.Http));
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var first = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var second = await ChatConnection.ConnectAsync(grid.Second.Address, alice);

        // Both Frontends at once: one bucket for the sender lets through a burst plus the rate over the
        // time taken, whatever the machine's speed; a bucket per Frontend would let through two bursts.
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Defaults.MessageBurst * 3).Select(i =>
            OutcomeAsync((i % 2 == 0 ? first : second).SendAsync(conversation.ConversationId, $"flood {i}"))));
        var elapsed = clock.Elapsed;

        var accepted = outcomes.Count(o => o == "ok");
        Assert.InRange(accepted, Defaults.MessageBurst, Defaults.MessageBurst + (int)Math.Ceiling(Defaults.MessagesPerSecond * (elapsed.TotalSeconds + 1)));
        Assert.Contains("rate_limited", outcomes);
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Equal("rate_limited", o));
    }

    [Fact]
    public async Task A_steady_ten_messages_a_second_is_never_limited()
    {
        var (alice, bob) = (await TestUser.RegisterAsync(grid.First.Http), await TestUser.RegisterAsync(grid.First.Http));
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        for (var i = 0; i < Defaults.MessageBurst + 30; i++)
        {
            await connection.SendAsync(conversation.ConversationId, $"steady {i}");
            if (i >= Defaults.MessageBurst)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task Typing_events_beyond_the_per_member_rate_answer_rate_limited()
    {
        var (alice, bob) = (await TestUser.RegisterAsync(grid.First.Http), await TestUser.RegisterAsync(grid.First.Http));
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Defaults.TypingBurst * 3)
            .Select(i => OutcomeAsync(connection.Hub.InvokeAsync("Typing", conversation.ConversationId, i % 2 == 0))));

        Assert.Contains("rate_limited", outcomes);
        Assert.InRange(outcomes.Count(o => o == "ok"), Defaults.TypingBurst, Defaults.TypingBurst * 2);
    }

    [Fact]
    public async Task Calls_ringing_one_person_stop_at_the_per_callee_limit_whoever_calls()
    {
        var callee = await TestUser.RegisterAsync(grid.First.Http);
        var callers = new List<TestUser>();
        var outcomes = new List<string>();
        for (var c = 0; c < 3; c++)
        {
            var caller = await TestUser.RegisterAsync(grid.First.Http);
            var conversation = await ConversationApi.CreateAsync(grid.First.Http, caller, "direct", null, callee);
            await using var connection = await ChatConnection.ConnectAsync(c % 2 == 0 ? grid.First.Address : grid.Second.Address, caller);
            for (var i = 0; i < (Defaults.CallsPerCalleePerHour / 3) + 1; i++)
            {
                outcomes.Add(await OutcomeAsync(StartAndCancelAsync(connection, conversation.ConversationId)));
            }
        }

        Assert.Equal(Defaults.CallsPerCalleePerHour, outcomes.Count(o => o == "ok"));
        Assert.Equal(["rate_limited", "rate_limited", "rate_limited"], outcomes.Where(o => o != "ok"));
    }

    [Fact]
    public async Task Adding_the_same_person_to_group_after_group_is_cut_but_others_can_still_be_added()
    {
        var (alice, bob, carol) = (await TestUser.RegisterAsync(grid.First.Http), await TestUser.RegisterAsync(grid.First.Http), await TestUser.RegisterAsync(grid.First.Http));
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= Defaults.GroupAdditionsOfSamePersonPerHour; i++)
        {
            var http = i % 2 == 0 ? grid.First.Http : grid.Second.Http;
            answers.Add(await http.SendAsync(alice.Request(HttpMethod.Post, "/api/conversations", new { type = "group", name = $"spam {i}", memberIds = new[] { bob.UserId } })));
        }

        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "real one");
        var addBob = await grid.First.Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/members", new { userIds = new[] { bob.UserId } }));
        var addCarol = await grid.First.Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/conversations/{group.ConversationId}/members", new { userIds = new[] { carol.UserId } }));

        Assert.All(answers.SkipLast(1), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        Assert.True(answers[^1].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, addBob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, addCarol.StatusCode);
        var members = (await (await grid.First.Http.SendAsync(alice.Request(HttpMethod.Get, $"/api/conversations/{group.ConversationId}")))
            .Content.ReadFromJsonAsync<ConversationInfo>())!.Members.Select(m => m.UserId);
        Assert.DoesNotContain(bob.UserId, members);
    }

    private static async Task StartAndCancelAsync(ChatConnection connection, Guid conversationId)
    {
        var call = await connection.Hub.InvokeAsync<CallInfo>("StartCall", conversationId, false);
        await connection.Hub.InvokeAsync("CancelCall", call.CallId);
    }

    private static async Task<string> OutcomeAsync(Task call)
    {
        try
        {
            await call;
            return "ok";
        }
        catch (HubException ex)
        {
            return HubErrors.Code(ex);
        }
    }
}
