namespace Chat.Conversations;

/// <summary>A member's role and how far they have read and received.</summary>
internal sealed record MemberCursor(string Role, long ReadSeq, long DeliveredSeq);
