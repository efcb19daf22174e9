using Chat.Calls;

namespace Chat.Realtime;

/// <summary>
/// A call's state or participants changed; sent to each participant's call device. <see cref="AnsweredAt"/>
/// (server time) lets every device show the same running timer, after a reload too.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.rt.call-state")]
public sealed record CallStateChangedEvent(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] string State,
    [property: Id(3)] IReadOnlyList<CallParticipant> Participants,
    [property: Id(4)] DateTimeOffset? AnsweredAt = null) : ClientEvent
{
    public override string HubMethod => "CallStateChanged";
}
