namespace Chat.Conversations;

/// <summary>History around one message, oldest first: <see cref="HasMore"/> says older messages remain, <see cref="HasNewer"/> newer ones.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.window")]
public sealed record MessageWindow(
    [property: Id(0)] IReadOnlyList<ChatMessage> Messages,
    [property: Id(1)] bool HasMore,
    [property: Id(2)] bool HasNewer);
