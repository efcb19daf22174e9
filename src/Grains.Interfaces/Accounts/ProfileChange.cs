namespace Chat.Accounts;

/// <summary>
/// A partial profile update: a null text field stays as it is; the avatar changes only when
/// <see cref="ChangeAvatar"/> is set (to <see cref="AvatarFileId"/>, which may be null to remove it).
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.profile-change")]
public sealed record ProfileChange(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? Bio,
    [property: Id(2)] string? StatusText,
    [property: Id(3)] bool ChangeAvatar,
    [property: Id(4)] Guid? AvatarFileId);
