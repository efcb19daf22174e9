namespace Chat.Frontend.Conversations;

public sealed record CreateConversationRequest(string? Type, string? Name, List<Guid>? MemberIds);
