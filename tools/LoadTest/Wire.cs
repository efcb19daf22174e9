using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chat.LoadTest;

// The tool's own view of the wire (shared/protocol.md): only the fields it sends or reads.

internal sealed record RegisterRequest(string Username, string Email, string Password, string? DisplayName);

internal sealed record LoginRequest(string Login, string Password);

internal sealed record RefreshRequest(string RefreshToken);

internal sealed record TokenResponse(Guid UserId, string AccessToken, string RefreshToken, int ExpiresIn);

internal sealed record CreateConversationRequest(string Type, string? Name, IReadOnlyList<Guid> MemberIds);

internal sealed record AddMembersRequest(IReadOnlyList<Guid> UserIds);

internal sealed record ConversationResponse(Guid ConversationId, string Type, string? Name, long LastSeq);

internal sealed record SendMessageRequest(Guid ConversationId, string ClientMessageId, string Content);

internal sealed record MessageAck(Guid ConversationId, long Seq, Guid MessageId, DateTimeOffset SentAt);

internal sealed record ReceivedMessage(Guid ConversationId, long Seq, Guid MessageId, Guid SenderId, string? ClientMessageId, string? Content);

internal sealed record ProblemDetails(string? Type, string? Code, string? Title, string? Detail);

/// <summary>What <c>--users-file</c> keeps between runs: accounts with their tokens, and the conversations made of them.</summary>
internal sealed class UsersFile
{
    public List<StoredUser> Users { get; set; } = [];

    /// <summary>Keyed by layout, e.g. <c>group:10</c> or <c>channel:255</c>.</summary>
    public Dictionary<string, List<StoredConversation>> Conversations { get; set; } = [];
}

internal sealed class StoredUser
{
    public required string Username { get; set; }
    public required string Password { get; set; }
    public Guid UserId { get; set; }
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public DateTimeOffset AccessExpiresAt { get; set; }
}

internal sealed class StoredConversation
{
    public Guid ConversationId { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
}

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
