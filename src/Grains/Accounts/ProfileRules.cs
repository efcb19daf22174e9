using Chat.Errors;
using Chat.Text;

namespace Chat.Accounts;

/// <summary>Validation of profile changes and privacy settings, shared by the Frontend (boundary) and the user grain (invariants).</summary>
public static class ProfileRules
{
    public static void Validate(ProfileChange change)
    {
        TextRules.Require(change.DisplayName, "displayName");
        TextRules.Require(change.Bio, "bio");
        TextRules.Require(change.StatusText, "statusText");
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

        if (settings.GroupAdds is not null && !PrivacyAudiences.IsKnown(settings.GroupAdds))
        {
            throw ChatException.BadRequest("groupAdds must be everyone, contacts or nobody");
        }

        if (settings.FindByEmail is not null && !PrivacyAudiences.IsKnown(settings.FindByEmail))
        {
            throw ChatException.BadRequest("findByEmail must be everyone, contacts or nobody");
        }

        if (settings.FindByPhone is not null && !PrivacyAudiences.IsKnown(settings.FindByPhone))
        {
            throw ChatException.BadRequest("findByPhone must be everyone, contacts or nobody");
        }
    }

    public static void Validate(AutoReplySettings settings, DateTimeOffset now)
    {
        TextRules.Require(settings.Message, "message");
        if (settings.Message is null || settings.Message.Length > Limits.MaxAutoReplyChars || (settings.Enabled && settings.Message.Trim().Length == 0))
        {
            throw ChatException.BadRequest($"message must be 1-{Limits.MaxAutoReplyChars} characters when the auto-reply is enabled");
        }

        if (settings.Enabled && settings.Until is { } until && until <= now)
        {
            throw ChatException.BadRequest("until must be in the future");
        }
    }
}
