namespace Chat.Frontend.Users;

/// <summary><c>PUT /api/users/me/privacy</c>: the three settings, each everyone, contacts or nobody, and optionally <c>groupAdds</c>, <c>findByEmail</c> and <c>findByPhone</c> (absent keeps each).</summary>
public sealed record PrivacyRequest(string? LastSeen, string? ProfilePhoto, string? ReadReceipts, string? GroupAdds = null, string? FindByEmail = null, string? FindByPhone = null);
