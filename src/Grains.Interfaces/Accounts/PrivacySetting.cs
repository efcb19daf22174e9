namespace Chat.Accounts;

/// <summary>The things a user's privacy settings govern.</summary>
[GenerateSerializer, Alias("chat.accounts.privacy-setting")]
public enum PrivacySetting
{
    LastSeen,
    ProfilePhoto,
    ReadReceipts,
    GroupAdds,
    FindByEmail,
    FindByPhone,
}
