using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Frontend.Auth;
using Chat.Frontend.Realtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Connections.Features;
using Chat.Tests.Infrastructure;
using Chat.Tests.Presence;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Accounts;

[Collection(PresenceCollection.Name)]
public sealed class HubAuthenticationTests(GridWithFrontends grid)
{
    private const string Negotiate = "/hubs/chat/negotiate?negotiateVersion=1";

    [Fact]
    public async Task The_hub_takes_a_valid_token_from_the_header_or_the_query()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);

        using var byHeader = user.Request(HttpMethod.Post, Negotiate);
        var headerAnswer = await grid.First.Http.SendAsync(byHeader);
        var queryAnswer = await grid.First.Http.PostAsync($"{Negotiate}&access_token={user.AccessToken}", null);

        Assert.Equal(HttpStatusCode.OK, headerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queryAnswer.StatusCode);
        Assert.True((await queryAnswer.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("connectionToken", out _));
    }

    [Fact]
    public async Task The_hub_refuses_no_token_a_forged_one_and_an_expired_one()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var settings = grid.First.Services.GetRequiredService<JwtSettings>();
        var expired = new AccessTokenIssuer(settings, new FixedClock(DateTimeOffset.UtcNow.AddHours(-1))).Issue(user.UserId, Guid.NewGuid());
        var forged = user.AccessToken[..^4] + (user.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var query in new[] { "", $"&access_token={expired}", $"&access_token={forged}", "&access_token=%20" })
        {
            var answer = await grid.First.Http.PostAsync(Negotiate + query, null);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("unauthorized", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_socket_without_a_token_is_refused_before_it_opens()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(grid.First.Address, "/hubs/chat"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();

        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task A_hub_connection_keeps_only_its_user_id_not_an_authentication_result()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, user);
        var audience = grid.First.Services.GetRequiredService<LocalAudience>();

        var socket = Assert.Single(audience.ConnectionsOf([user.UserId]));
        var request = socket.Features.Get<IHttpContextFeature>()!.HttpContext!;

        Assert.Equal(user.UserId.ToString(), Assert.Single(socket.User.Claims).Value);
        Assert.Null(request.Features.Get<IAuthenticateResultFeature>());
    }

    [Fact]
    public async Task A_socket_closes_when_its_access_token_expires()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var settings = grid.First.Services.GetRequiredService<JwtSettings>();
        var lifetime = TimeSpan.FromMinutes(settings.AccessTokenMinutes);
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var shortLived = new AccessTokenIssuer(settings, new FixedClock(expiresAt - lifetime)).Issue(user.UserId, Guid.NewGuid());
        await using var expiring = await ChatConnection.ConnectAsync(grid.First.Address, user with { AccessToken = shortLived });
        await using var renewed = await ChatConnection.ConnectAsync(grid.First.Address, user);
        var closed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        expiring.Hub.Closed += _ =>
        {
            closed.TrySetResult(DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        };

        var closedAt = await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The token's exp is in whole seconds.
        var exp = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        Assert.True(closedAt >= exp, $"closed at {closedAt:O}, before the token's expiry {exp:O}");
        Assert.Equal(HubConnectionState.Connected, renewed.Hub.State);
        await renewed.Hub.InvokeAsync<JsonElement>("Sync", Array.Empty<object>());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
