using System.Text.Json.Serialization;

namespace Chat.Realtime;

/// <summary>A server → client event: the hub method it is sent as and the payload clients receive.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.event")]
public abstract record ClientEvent
{
    [JsonIgnore]
    public abstract string HubMethod { get; }

    [JsonIgnore]
    public virtual object Payload => this;
}
