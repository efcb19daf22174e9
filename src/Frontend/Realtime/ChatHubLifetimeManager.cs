using Chat.Frontend.Auth;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

/// <summary>
/// SignalR's default connection bookkeeping, plus each socket recorded in <see cref="LocalAudience"/>
/// for its whole life, so the relay writes events straight to a user's sockets. A SignalR group per
/// user cost ~1 KB per connected user and a scan of every group on each disconnect.
/// </summary>
public sealed class ChatHubLifetimeManager(LocalAudience audience, RevokedSessions revoked, ILogger<DefaultHubLifetimeManager<ChatHub>> logger)
    : DefaultHubLifetimeManager<ChatHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        // SignalR has read the token's expiry from it by now (HubTokenAuthentication); the socket's request need not keep it.
        connection.Features.Get<IHttpContextFeature>()?.HttpContext?.Features.Set<IAuthenticateResultFeature>(null);
        audience.AddConnection(connection.User.UserId(), connection);

        // Checked again once the socket is findable: a revocation that arrived between the
        // handshake's check and now found no socket to close (RevokedSessionsFeed adds, then looks).
        if (revoked.IsRevoked(connection.User.SessionId()))
        {
            connection.Abort();
        }

        return base.OnConnectedAsync(connection);
    }

    /// <summary>Runs after the hub's own <c>OnDisconnectedAsync</c>, and also when its <c>OnConnectedAsync</c> failed.</summary>
    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        audience.RemoveConnection(connection.User.UserId(), connection.ConnectionId);
        return base.OnDisconnectedAsync(connection);
    }
}
