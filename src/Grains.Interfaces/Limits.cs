namespace Chat;

/// <summary>Every size and count limit of the product, in one place, with its unit in the name.</summary>
public static class Limits
{
    public const int MaxMessageContentChars = 16_000;
    public const int MaxMetadataBytes = 16_384;

    /// <summary>The hub's transport limit: one SignalR frame (without its record separator); a larger one closes the connection.</summary>
    public const int MaxHubFrameBytes = 1_048_576;
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

    /// <summary>A self-destructing message lives between these (counted from its send).</summary>
    public static readonly TimeSpan MinMessageLifetime = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxMessageLifetime = TimeSpan.FromDays(7);

    /// <summary>How far ahead a message can be scheduled, and how many one sender may have waiting per conversation.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(365);
    public const int MaxScheduledPerSenderPerConversation = 100;

    public const int MaxAutoReplyChars = 1_000;

    /// <summary>An auto-reply answers a conversation at most once in this time.</summary>
    public static readonly TimeSpan AutoReplyCooldown = TimeSpan.FromHours(12);

    /// <summary>How long a conversation trusts what it last learnt of a member's auto-reply setting.</summary>
    public static readonly TimeSpan AutoReplySettingCacheTime = TimeSpan.FromMinutes(1);
    public const int MaxInviteLinks = 20;

    /// <summary>An invite link's expiry and a mute's end lie in the future, at most this far ahead.</summary>
    public static readonly TimeSpan MaxInviteLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan MaxMuteAhead = TimeSpan.FromDays(365);
    public const int MaxInviteUses = 100_000;
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
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);
    public const int MaxRefreshesPerSessionPerWindow = 10;
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(1);
    public const int MinPhoneDigits = 8;
    public const int MaxPhoneDigits = 15;
    public const int MaxPhoneInputChars = 32;
    public const int PhoneCodeDigits = 6;
    public static readonly TimeSpan PhoneCodeLifetime = TimeSpan.FromMinutes(5);
    public const int MaxPhoneCodeAttempts = 5;
    public const int MaxPhoneCodesPerHour = 3;

    /// <summary>A call nobody answers within this time is missed.</summary>
    public static readonly TimeSpan CallRingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A participant whose call device disconnected is dropped unless they rejoin within this time.</summary>
    public static readonly TimeSpan CallRejoinGrace = TimeSpan.FromSeconds(10);

    /// <summary>How often an active call checks its ring timeout and lost devices.</summary>
    public static readonly TimeSpan CallSweepInterval = TimeSpan.FromSeconds(1);
    public const int MaxCallParticipants = 50;
    public const int MaxCallSignalPayloadBytes = 65_536;
    public const int MaxCallHistoryPageSize = 200;
}
