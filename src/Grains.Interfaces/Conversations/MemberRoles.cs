namespace Chat.Conversations;

/// <summary>The wire names of member roles, from most to least powerful.</summary>
public static class MemberRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Moderator = "moderator";
    public const string Member = "member";
    /// <summary>A channel subscriber: reads, never posts.</summary>
    public const string Subscriber = "subscriber";
}
