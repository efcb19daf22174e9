using System.Text.Json.Serialization;
using Chat.Conversations;

namespace Chat.Realtime;

[GenerateSerializer, Immutable, Alias("chat.rt.message-received")]
public sealed record MessageReceivedEvent([property: Id(0)] ChatMessage Message) : ClientEvent
{
    public override string HubMethod => "MessageReceived";

    [JsonIgnore]
    public override object Payload => Message;
}
