using System.Text.Json.Serialization;

namespace Chat.Frontend.Calls;

/// <summary>One entry of a WebRTC <c>RTCConfiguration.iceServers</c>; STUN entries carry no credentials.</summary>
public sealed record IceServer(
    IReadOnlyList<string> Urls,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Credential = null);
