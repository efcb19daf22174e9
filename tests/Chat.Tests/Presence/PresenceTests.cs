using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Presence;

[Collection(PresenceCollection.Name)]
public sealed class PresenceTests(GridWithFrontends grid)
{
    private static readonly TimeSpan OfflineWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_user_stays_online_while_any_device_is_connected_and_goes_offline_with_last_seen_after_the_last()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var watcher = await TestUser.RegisterAsync(grid.First.Http);
        await MeetAsync(alice, watcher);
        var phone = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var laptop = await ChatConnection.ConnectAsync(grid.Second.Address, alice);
        await using var watching = await ChatConnection.ConnectAsync(grid.Second.Address, watcher);
        var initial = await WatchAsync(watching, alice);
        Assert.Equal("online", initial.GetProperty("status").GetString());

        await phone.DisposeAsync();
        await laptop.Hub.InvokeAsync("SetPresence", "dnd");
        var stillThere = await watching.NextEventAsync("PresenceChanged");
        await laptop.DisposeAsync();
        var gone = await watching.NextEventAsync("PresenceChanged", OfflineWithin);

        // The first change after the phone left is the manual status: the phone leaving changed nothing.
        Assert.Equal("dnd", stillThere.GetProperty("status").GetString());
        Assert.Equal("offline", gone.GetProperty("status").GetString());
        Assert.True(gone.GetProperty("lastSeen").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_reconnect_within_the_grace_time_makes_no_offline_online_flap()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var watcher = await TestUser.RegisterAsync(grid.First.Http);
        await MeetAsync(alice, watcher);
        var first = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await using var watching = await ChatConnection.ConnectAsync(grid.Second.Address, watcher);
        await WatchAsync(watching, alice);

        await first.DisposeAsync();
        await using var again = await ChatConnection.ConnectAsync(grid.Second.Address, alice);

        // Nothing can announce "no change": wait out the grace and one sweep, then look.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching.NextEventAsync("PresenceChanged", TimeSpan.FromSeconds(11)));
    }

    [Fact]
    public async Task A_lease_renewal_that_crosses_a_disconnect_does_not_bring_the_session_back()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var watcher = await TestUser.RegisterAsync(grid.First.Http);
        await MeetAsync(alice, watcher);
        await using var watching = await ChatConnection.ConnectAsync(grid.Second.Address, watcher);
        Assert.Equal("offline", (await WatchAsync(watching, alice)).GetProperty("status").GetString());
        var presence = grid.Grid.Client.GetGrain<Chat.Presence.IPresenceGrain>(alice.UserId);
        var frontendId = Guid.NewGuid();
        await presence.ConnectAsync(frontendId, "phone");
        Assert.Equal("online", (await watching.NextEventAsync("PresenceChanged")).GetProperty("status").GetString());

        // A Frontend snapshots its connections, the phone disconnects, then the renewal arrives.
        await presence.DisconnectAsync("phone");
        await presence.RenewAsync(frontendId, ["phone"]);

        var gone = await watching.NextEventAsync("PresenceChanged", OfflineWithin);
        Assert.Equal("offline", gone.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_stranger_sees_no_presence_hidden_last_seen_is_not_shown_and_a_blocked_user_gets_none()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var friend = await TestUser.RegisterAsync(grid.First.Http);
        var stranger = await TestUser.RegisterAsync(grid.First.Http);
        var blocked = await TestUser.RegisterAsync(grid.First.Http);
        await MeetAsync(alice, friend);
        await MeetAsync(alice, blocked);
        await grid.First.Http.SendAsync(alice.Request(HttpMethod.Put, "/api/users/me/privacy", new { lastSeen = "nobody", profilePhoto = "everyone", readReceipts = "everyone" }));
        await grid.First.Http.SendAsync(alice.Request(HttpMethod.Post, $"/api/users/me/blocks/{blocked.UserId}"));
        await using var friendConnection = await ChatConnection.ConnectAsync(grid.First.Address, friend);
        await using var strangerConnection = await ChatConnection.ConnectAsync(grid.First.Address, stranger);
        await using var blockedConnection = await ChatConnection.ConnectAsync(grid.Second.Address, blocked);
        var device = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        await WatchAsync(friendConnection, alice);
        var strangerView = await strangerConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId });
        var blockedView = await blockedConnection.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { alice.UserId });

        await device.DisposeAsync();
        var offline = await friendConnection.NextEventAsync("PresenceChanged", OfflineWithin);
        await using var own = await ChatConnection.ConnectAsync(grid.Second.Address, alice);
        var friendView = await WatchAsync(friendConnection, alice);

        Assert.Empty(strangerView);
        Assert.Empty(blockedView);
        Assert.Equal("offline", offline.GetProperty("status").GetString());
        Assert.False(offline.TryGetProperty("lastSeen", out _));
        Assert.Equal("online", friendView.GetProperty("status").GetString());
        Assert.False(blockedConnection.TryTakeEvent("PresenceChanged", out _));
        Assert.False(strangerConnection.TryTakeEvent("PresenceChanged", out _));
    }

    [Fact]
    public async Task Users_of_a_frontend_that_dies_go_offline_within_the_lease_bound()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var watcher = await TestUser.RegisterAsync(grid.First.Http);
        await MeetAsync(alice, watcher);
        await using var watching = await ChatConnection.ConnectAsync(grid.Second.Address, watcher);

        // A Frontend that dies says nothing: it simply stops renewing. This one connects a session and vanishes.
        var deadFrontend = Guid.NewGuid();
        await grid.Grid.Client.GetGrain<Chat.Presence.IPresenceGrain>(alice.UserId).ConnectAsync(deadFrontend, "connection-on-a-dead-frontend");
        Assert.Equal("online", (await WatchAsync(watching, alice)).GetProperty("status").GetString());
        var started = DateTimeOffset.UtcNow;

        var offline = await watching.NextEventAsync("PresenceChanged", TimeSpan.FromSeconds(60));

        Assert.Equal("offline", offline.GetProperty("status").GetString());
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    // The watched user opens a direct conversation with the viewer: "everyone" then includes the viewer (a stranger sees nothing).
    private async Task MeetAsync(TestUser watched, TestUser viewer)
    {
        var response = await grid.First.Http.SendAsync(watched.Request(HttpMethod.Post, "/api/conversations", new { type = "direct", memberIds = new[] { viewer.UserId } }));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> WatchAsync(ChatConnection viewer, TestUser watched) =>
        Assert.Single(await viewer.Hub.InvokeAsync<List<JsonElement>>("WatchPresence", new[] { watched.UserId }));
}

[CollectionDefinition(Name)]
public sealed class PresenceCollection : ICollectionFixture<GridWithFrontends>
{
    public const string Name = "presence";
}
