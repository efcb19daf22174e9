namespace Chat.Frontend.Security;

/// <summary>The client's address as the Frontend sees it: the peer, or what a trusted proxy forwarded (<see cref="ForwardedHeadersSetup"/>).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
