namespace Chat.Conversations;

/// <summary>A slice of history, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.page")]
public sealed record MessagePage(
    [property: Id(0)] IReadOnlyList<ChatMessage> Messages,
    [property: Id(1)] bool HasMore);
