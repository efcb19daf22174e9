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

    /// <summary>How far the member has received; filled by <c>GET /api/conversations/{id}</c> only, null elsewhere.</summary>
    [Id(4)]
    public long? DeliveredSeq { get; init; }

    /// <summary>How far the member has read, when their read-receipts setting shows it to the caller; null otherwise.</summary>
    [Id(5)]
    public long? ReadSeq { get; init; }
}
