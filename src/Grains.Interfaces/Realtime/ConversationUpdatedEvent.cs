namespace Chat.Realtime;

/// <summary>A group's or channel's own details changed (its name or its avatar); sent to every member's devices with both as they now are.</summary>
[GenerateSerializer, Immutable, Alias("chat.rt.conversation-updated")]
public sealed record ConversationUpdatedEvent(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] string? Name) : ClientEvent
{
    [Id(2)]
    public Guid? AvatarFileId { get; init; }

    public override string HubMethod => "ConversationUpdated";
}
