namespace Chat.Search;

/// <summary>One of the caller's conversations found by name; a direct chat's name is the other member's display name.</summary>
[GenerateSerializer, Immutable, Alias("chat.search.conversation-hit")]
public sealed record ConversationHit(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Name,
    [property: Id(3)] Guid? AvatarFileId);
