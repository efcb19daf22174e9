using Chat.Errors;

namespace Chat.Accounts;

/// <summary>Validation of profile changes and privacy settings, shared by the Frontend (boundary) and the user grain (invariants).</summary>
public static class ProfileRules
{
    public static void Validate(ProfileChange change)
    {
        if (change.DisplayName is { } displayName && (displayName.Trim().Length == 0 || displayName.Trim().Length > Limits.MaxDisplayNameChars))
        {
            throw ChatException.BadRequest($"displayName must be 1-{Limits.MaxDisplayNameChars} characters");
        }

        if (change.Bio is { Length: > Limits.MaxBioChars })
        {
            throw ChatException.BadRequest($"bio must be at most {Limits.MaxBioChars} characters");
        }

        if (change.StatusText is { Length: > Limits.MaxStatusTextChars })
        {
            throw ChatException.BadRequest($"statusText must be at most {Limits.MaxStatusTextChars} characters");
        }

        if (change.ChangeAvatar && change.AvatarFileId == Guid.Empty)
        {
            throw ChatException.BadRequest("avatarFileId must be a file id or null");
        }
    }

    public static void Validate(PrivacySettings settings)
    {
        if (!PrivacyAudiences.IsKnown(settings.LastSeen) || !PrivacyAudiences.IsKnown(settings.ProfilePhoto)
            || !PrivacyAudiences.IsKnown(settings.ReadReceipts))
        {
            throw ChatException.BadRequest("lastSeen, profilePhoto and readReceipts must each be everyone, contacts or nobody");
        }
    }
}
