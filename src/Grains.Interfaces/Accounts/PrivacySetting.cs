namespace Chat.Accounts;

/// <summary>The things a user's privacy settings govern.</summary>
public enum PrivacySetting
{
    LastSeen,
    ProfilePhoto,
    ReadReceipts,
}
