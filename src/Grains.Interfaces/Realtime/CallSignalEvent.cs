using Chat.Calls;

namespace Chat.Realtime;

/// <summary>WebRTC signaling from one participant, delivered to one device of another.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.call-signal")]
public sealed record CallSignalEvent([property: Id(0)] CallSignal Signal) : ClientEvent
{
    public override string HubMethod => "CallSignal";

    public override object Payload => Signal;
}
