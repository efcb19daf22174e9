namespace Chat.Conversations;

/// <summary>The conversation grain's persisted state; members and messages live in their own tables.</summary>
[GenerateSerializer, Alias("chat.conv.state")]
public sealed class ConversationState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Type { get; set; } = "";
    [Id(2)] public string? Name { get; set; }
    [Id(3)] public Guid CreatedBy { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
}
