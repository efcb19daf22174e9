namespace Chat.Conversations;

[GenerateSerializer, Immutable, Alias("chat.conv.member")]
public sealed record ConversationMember(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Role)
{
    /// <summary>Filled by the Frontend from the account directory, so clients can show names.</summary>
    [Id(2)]
    public string? Username { get; init; }

    [Id(3)]
    public string? DisplayName { get; init; }
}
