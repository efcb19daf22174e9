namespace Chat.Presence;

/// <summary>The wire names of presence states.</summary>
public static class PresenceStatuses
{
    public const string Online = "online";
    public const string Away = "away";
    public const string DoNotDisturb = "dnd";
    public const string Offline = "offline";

    /// <summary>What a user may set by hand; "online" clears a manual status.</summary>
    public static bool IsSettable(string status) => status is Online or Away or DoNotDisturb;
}
