namespace Chat.Calls;

/// <summary>A call as its participants and the conversation's members see it.</summary>
[GenerateSerializer, Immutable, Alias("chat.call.info")]
public sealed record CallInfo(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid CallerId,
    [property: Id(3)] string State,
    [property: Id(4)] bool Video,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] DateTimeOffset? AnsweredAt,
    [property: Id(7)] DateTimeOffset? EndedAt,
    [property: Id(8)] IReadOnlyList<CallParticipant> Participants);
