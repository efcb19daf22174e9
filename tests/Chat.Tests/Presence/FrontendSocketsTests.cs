using Chat.Frontend.Hosting;
using Chat.Frontend.Realtime;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.Connections;

namespace Chat.Tests.Presence;

[Collection(PresenceCollection.Name)]
public sealed class FrontendSocketsTests(GridWithFrontends grid)
{
    [Fact]
    public void Kestrel_gets_the_bounded_socket_buffer_pools()
    {
        var factory = grid.First.Services.GetRequiredService<IMemoryPoolFactory<byte>>();
        Assert.IsType<BoundedMemoryPoolFactory>(factory);
        using var pool = factory.Create();
        Assert.IsType<BoundedBlockMemoryPool>(pool);
    }

    [Fact]
    public async Task A_users_sockets_are_known_while_open_and_forgotten_when_closed()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var audience = grid.First.Services.GetRequiredService<LocalAudience>();
        var phone = await ChatConnection.ConnectAsync(grid.First.Address, user);
        var laptop = await ChatConnection.ConnectAsync(grid.First.Address, user);

        await Eventually.TrueAsync(() => audience.ConnectionsOf([user.UserId]).Count == 2, "both sockets known");
        await phone.DisposeAsync();
        await Eventually.TrueAsync(() => audience.ConnectionsOf([user.UserId]).Count == 1, "one socket left");
        await laptop.DisposeAsync();
        await Eventually.TrueAsync(() => audience.ConnectionsOf([user.UserId]).Count == 0, "no socket left");
        Assert.DoesNotContain(user.UserId, audience.Snapshot().Users.Keys);
    }
}
