namespace Chat.Realtime;

/// <summary>A new position of a live location share (the message at <see cref="Seq"/>), or its end.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.live-location")]
public sealed record LiveLocationEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid UserId,
    [property: Id(3)] double Latitude,
    [property: Id(4)] double Longitude,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] bool Ended) : ClientEvent
{
    public override string HubMethod => "LiveLocation";
}
