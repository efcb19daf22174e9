namespace Chat.Frontend.Calls;

/// <summary>What a client passes to <c>RTCPeerConnection</c>, valid for <see cref="TtlSeconds"/>.</summary>
public sealed record IceServersResponse(IReadOnlyList<IceServer> IceServers, int TtlSeconds);
