using System.Text.Json;

namespace Chat.Frontend.Conversations;

/// <summary>
/// The body of <c>PATCH /api/conversations/{id}</c>: a group's or channel's new name and/or avatar;
/// <c>avatarFileId</c> absent stays, null removes the avatar, a UUID sets it.
/// </summary>
public sealed record UpdateConversationRequest(string? Name, JsonElement AvatarFileId);
