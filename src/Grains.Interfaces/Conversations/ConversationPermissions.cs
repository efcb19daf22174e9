using Chat.Errors;

namespace Chat.Conversations;

/// <summary>
/// The permission table. Roles rank owner &gt; admin &gt; moderator &gt; member &gt; subscriber;
/// acting on another member needs a higher rank than theirs.
/// <code>
/// action                    owner admin moderator member subscriber
/// post (group)                ✓     ✓      ✓        ✓      –
/// post (channel)              ✓     ✓      –        –      –
/// add members, invite links   ✓     ✓      –        –      –
/// remove a lower rank         ✓     ✓      ✓        –      –
/// set roles (below own)       ✓     ✓      –        –      –
/// rename                      ✓     ✓      –        –      –
/// pin / unpin                 ✓     ✓      ✓        ✓*     –     (* groups and direct chats)
/// delete anyone's message     ✓     ✓      ✓        –      –
/// edit / delete own message   ✓     ✓      ✓        ✓      –
/// </code>
/// Direct conversations have two plain members and no membership changes.
/// </summary>
public static class ConversationPermissions
{
    public static int Rank(string role) => role switch
    {
        MemberRoles.Owner => 4,
        MemberRoles.Admin => 3,
        MemberRoles.Moderator => 2,
        MemberRoles.Member => 1,
        _ => 0,
    };

    public static bool CanPost(string type, string role) =>
        type == ConversationTypes.Channel ? Rank(role) >= Rank(MemberRoles.Admin) : Rank(role) >= Rank(MemberRoles.Member);

    public static bool CanManageMembers(string type, string role) =>
        type != ConversationTypes.Direct && Rank(role) >= Rank(MemberRoles.Admin);

    public static bool CanRename(string type, string role) =>
        type != ConversationTypes.Direct && Rank(role) >= Rank(MemberRoles.Admin);

    public static bool CanRemove(string type, string actorRole, string targetRole) =>
        type != ConversationTypes.Direct && Rank(actorRole) >= Rank(MemberRoles.Moderator) && Rank(actorRole) > Rank(targetRole);

    public static bool CanPin(string type, string role) =>
        type == ConversationTypes.Channel ? Rank(role) >= Rank(MemberRoles.Moderator) : Rank(role) >= Rank(MemberRoles.Member);

    public static bool CanModerateMessages(string role) => Rank(role) >= Rank(MemberRoles.Moderator);

    public static void Require(bool allowed, string what)
    {
        if (!allowed)
        {
            throw ChatException.Forbidden($"your role does not allow {what}");
        }
    }

    public static bool IsAssignable(string role) => role is MemberRoles.Admin or MemberRoles.Moderator or MemberRoles.Member or MemberRoles.Subscriber;
}
