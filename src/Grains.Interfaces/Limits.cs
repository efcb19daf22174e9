namespace Chat;

/// <summary>Every size and count limit of the product, in one place, with its unit in the name.</summary>
public static class Limits
{
    public const int MaxMessageContentChars = 16_000;
    public const int MaxMetadataBytes = 16_384;
    public const int MaxClientMessageIdChars = 64;
    public const int MaxConversationNameChars = 128;
    public const int MaxGroupMembers = 256;
    public const int MaxCreateMemberIds = 255;
    public const int MaxHistoryPageSize = 200;
    public const int MaxEmojiChars = 16;
    public const int MaxPresenceWatchPerCall = 200;
    public static readonly TimeSpan MaxLiveLocationDuration = TimeSpan.FromHours(8);
    public static readonly TimeSpan MinLiveLocationInterval = TimeSpan.FromSeconds(1);

    /// <summary>A sender's repeated "typing" within this time is not published again.</summary>
    public static readonly TimeSpan TypingThrottle = TimeSpan.FromSeconds(3);

    /// <summary>A "typing" with no stop or renewal ends by itself after this time.</summary>
    public static readonly TimeSpan TypingExpiry = TimeSpan.FromSeconds(6);
    public const int MaxPinnedMessages = 50;
    public const int MaxInviteLinks = 20;
    public const int DefaultHistoryPageSize = 50;
    public const int MaxSyncMessagesPerConversation = 1_000;
    public const int MaxSyncConversations = 500;
    public const int MinUsernameChars = 3;
    public const int MaxUsernameChars = 32;
    public const int MaxEmailChars = 254;
    public const int MinPasswordChars = 10;
    public const int MaxPasswordChars = 128;
    public const int MaxDisplayNameChars = 64;
    public const int MaxDeviceNameChars = 128;
    public const int MaxLoginFailuresPerWindow = 5;
    public static readonly TimeSpan LoginFailureWindow = TimeSpan.FromMinutes(1);
    public const int AuthRequestsPerMinutePerIp = 30;
    public const int TotpDigits = 6;
    public static readonly TimeSpan TotpStep = TimeSpan.FromSeconds(30);
    public const int TotpWindowSteps = 1;
    public const int TotpSecretBytes = 20;
    public const int RecoveryCodeCount = 10;
    public const int MaxTotpInputChars = 64;
    public const int MaxBioChars = 500;
    public const int MaxStatusTextChars = 140;
    public const int MaxBlockedUsers = 1_000;
    public static readonly TimeSpan EmailTokenLifetime = TimeSpan.FromHours(1);
    public const int MaxEmailTokenChars = 128;
    public const int MaxAccountEmailsPerHour = 3;
}
