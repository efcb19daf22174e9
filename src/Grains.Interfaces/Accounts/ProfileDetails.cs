namespace Chat.Accounts;

/// <summary>A user's profile as a viewer may see it: <see cref="AvatarFileId"/> is null when the user's privacy hides it.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.profile-details")]
public sealed record ProfileDetails(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Bio,
    [property: Id(4)] string StatusText,
    [property: Id(5)] Guid? AvatarFileId);
