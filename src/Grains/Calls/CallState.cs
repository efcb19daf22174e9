namespace Chat.Calls;

/// <summary>The call grain's persisted state: enough to carry an active call across a silo failure.</summary>
[GenerateSerializer, Alias("chat.call.state")]
public sealed class CallState
{
    [Id(0)] public bool Started { get; set; }
    [Id(1)] public Guid ConversationId { get; set; }
    [Id(2)] public string ConversationType { get; set; } = "";
    [Id(3)] public Guid CallerId { get; set; }
    [Id(4)] public bool Video { get; set; }
    [Id(5)] public string State { get; set; } = CallStates.Ringing;
    [Id(6)] public DateTimeOffset StartedAt { get; set; }
    [Id(7)] public DateTimeOffset? AnsweredAt { get; set; }
    [Id(8)] public DateTimeOffset? EndedAt { get; set; }
    [Id(9)] public List<CallParticipantRecord> Participants { get; set; } = [];
}
