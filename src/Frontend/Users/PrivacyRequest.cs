namespace Chat.Frontend.Users;

/// <summary><c>PUT /api/users/me/privacy</c>: all three settings, each everyone, contacts or nobody.</summary>
public sealed record PrivacyRequest(string? LastSeen, string? ProfilePhoto, string? ReadReceipts);
