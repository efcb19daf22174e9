namespace Chat.Realtime;

[GenerateSerializer, Immutable, Alias("chat.rt.read-receipt")]
public sealed record ReadReceiptEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] long Seq) : ClientEvent
{
    public override string HubMethod => "ReadReceipt";
}
