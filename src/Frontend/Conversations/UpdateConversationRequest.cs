namespace Chat.Frontend.Conversations;

/// <summary>The body of <c>PATCH /api/conversations/{id}</c>: the new name of a group or channel.</summary>
public sealed record UpdateConversationRequest(string? Name);
