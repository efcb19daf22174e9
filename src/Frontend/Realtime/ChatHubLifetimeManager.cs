using Chat.Frontend.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

/// <summary>
/// SignalR's default connection bookkeeping, plus each socket recorded in <see cref="LocalAudience"/>
/// for its whole life, so the relay writes events straight to a user's sockets. A SignalR group per
/// user cost ~1 KB per connected user and a scan of every group on each disconnect.
/// </summary>
public sealed class ChatHubLifetimeManager(LocalAudience audience, ILogger<DefaultHubLifetimeManager<ChatHub>> logger)
    : DefaultHubLifetimeManager<ChatHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        audience.AddConnection(connection.User.UserId(), connection);
        return base.OnConnectedAsync(connection);
    }

    /// <summary>Runs after the hub's own <c>OnDisconnectedAsync</c>, and also when its <c>OnConnectedAsync</c> failed.</summary>
    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        audience.RemoveConnection(connection.User.UserId(), connection.ConnectionId);
        return base.OnDisconnectedAsync(connection);
    }
}
