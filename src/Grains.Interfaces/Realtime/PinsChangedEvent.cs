namespace Chat.Realtime;

/// <summary>The pinned messages changed: the full new list.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.pins-changed")]
public sealed record PinsChangedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] IReadOnlyList<long> PinnedSeqs) : ClientEvent
{
    public override string HubMethod => "PinsChanged";
}
