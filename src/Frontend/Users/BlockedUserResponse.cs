namespace Chat.Frontend.Users;

/// <summary>One entry of the caller's block list.</summary>
public sealed record BlockedUserResponse(Guid UserId, string Username, string DisplayName);
