namespace Chat.Accounts;

/// <summary>The user grain's persisted state: profile, privacy settings, block lists (both ways) and away message.</summary>
[GenerateSerializer, Alias("chat.accounts.user-state")]
public sealed class UserState
{
    [Id(0)] public string DisplayName { get; set; } = "";
    [Id(1)] public string Bio { get; set; } = "";
    [Id(2)] public string StatusText { get; set; } = "";
    [Id(3)] public Guid? AvatarFileId { get; set; }
    [Id(4)] public string LastSeen { get; set; } = PrivacyAudiences.Everyone;
    [Id(5)] public string ProfilePhoto { get; set; } = PrivacyAudiences.Everyone;
    [Id(6)] public string ReadReceipts { get; set; } = PrivacyAudiences.Everyone;
    [Id(7)] public HashSet<Guid> Blocked { get; set; } = [];
    [Id(8)] public AutoReplySettings AutoReply { get; set; } = AutoReplySettings.Off;

    /// <summary>Who may add the user to groups and channels; one of <see cref="PrivacyAudiences"/>.</summary>
    [Id(9)] public string GroupAdds { get; set; } = PrivacyAudiences.Everyone;

    /// <summary>The users who blocked this one (the other side of their <see cref="Blocked"/>), kept so events can be held back both ways with one call.</summary>
    [Id(10)] public HashSet<Guid> BlockedBy { get; set; } = [];

    /// <summary>Who may find the user by their exact email address in people search; one of <see cref="PrivacyAudiences"/>.</summary>
    [Id(11)] public string FindByEmail { get; set; } = PrivacyAudiences.Everyone;

    /// <summary>Who may find the user by their exact verified phone number in people search; one of <see cref="PrivacyAudiences"/>.</summary>
    [Id(12)] public string FindByPhone { get; set; } = PrivacyAudiences.Everyone;
}
