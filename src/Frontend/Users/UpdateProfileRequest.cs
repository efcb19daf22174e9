using System.Text.Json;

namespace Chat.Frontend.Users;

/// <summary>
/// <c>PATCH /api/users/me/profile</c>: absent or null text fields stay as they are; <c>avatarFileId</c>
/// absent stays, null removes the avatar, a UUID sets it.
/// </summary>
public sealed record UpdateProfileRequest(string? DisplayName, string? Bio, string? StatusText, JsonElement AvatarFileId);
