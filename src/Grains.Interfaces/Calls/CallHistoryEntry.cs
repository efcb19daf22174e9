namespace Chat.Calls;

/// <summary>One finished call in a user's history; <see cref="Missed"/> is true for a callee who never answered.</summary>
[GenerateSerializer, Immutable, Alias("chat.call.history-entry")]
public sealed record CallHistoryEntry(
    [property: Id(0)] Guid CallId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid CallerId,
    [property: Id(3)] bool Video,
    [property: Id(4)] string Outcome,
    [property: Id(5)] bool Missed,
    [property: Id(6)] DateTimeOffset StartedAt,
    [property: Id(7)] DateTimeOffset? AnsweredAt,
    [property: Id(8)] DateTimeOffset EndedAt,
    [property: Id(9)] int DurationSeconds,
    [property: Id(10)] IReadOnlyList<Guid> ParticipantIds);
