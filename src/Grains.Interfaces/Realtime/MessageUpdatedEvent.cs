using System.Text.Json.Serialization;

namespace Chat.Realtime;

/// <summary>A message was edited or deleted for everyone: its new form.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.message-updated")]
public sealed record MessageUpdatedEvent(
    [property: Id(0)] Chat.Conversations.ChatMessage Message) : ClientEvent
{
    public override string HubMethod => "MessageUpdated";

    [JsonIgnore]
    public override object Payload => Message;
}
