namespace Chat.Accounts;

/// <summary>A user's privacy settings; each value is one of <see cref="PrivacyAudiences"/>.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.privacy")]
public sealed record PrivacySettings(
    [property: Id(0)] string LastSeen,
    [property: Id(1)] string ProfilePhoto,
    [property: Id(2)] string ReadReceipts)
{
    /// <summary>Who may add the user to groups and channels. Null in a change keeps the current value.</summary>
    [Id(3)]
    public string? GroupAdds { get; init; }

    /// <summary>Who may find the user in people search by their exact email address. Null in a change keeps the current value.</summary>
    [Id(4)]
    public string? FindByEmail { get; init; }

    /// <summary>Who may find the user in people search by their exact verified phone number. Null in a change keeps the current value.</summary>
    [Id(5)]
    public string? FindByPhone { get; init; }

    public static PrivacySettings Default { get; } = new(PrivacyAudiences.Everyone, PrivacyAudiences.Everyone, PrivacyAudiences.Everyone)
    {
        GroupAdds = PrivacyAudiences.Everyone,
        FindByEmail = PrivacyAudiences.Everyone,
        FindByPhone = PrivacyAudiences.Everyone,
    };
}
