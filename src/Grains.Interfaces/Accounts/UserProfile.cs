namespace Chat.Accounts;

/// <summary>The public face of a user; <see cref="Email"/> is filled only for the user themself.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.profile")]
public sealed record UserProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? Email,
    [property: Id(4)] DateTimeOffset CreatedAt);
