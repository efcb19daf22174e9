using Chat.Errors;

namespace Chat.Conversations;

/// <summary>The membership rules: who a new conversation starts with, and which roles may post.</summary>
internal static class ConversationMembership
{
    public static IReadOnlyList<ConversationMember> Initial(Guid conversationId, ConversationCreation creation)
    {
        if (creation.Type is ConversationTypes.Group or ConversationTypes.Channel
            && (string.IsNullOrWhiteSpace(creation.Name) || creation.Name.Length > Limits.MaxConversationNameChars))
        {
            throw ChatException.BadRequest($"a {creation.Type} needs a name of 1 to {Limits.MaxConversationNameChars} characters");
        }

        var others = creation.MemberIds.Where(id => id != creation.CreatorId).Distinct().ToList();
        switch (creation.Type)
        {
            case ConversationTypes.Direct:
                if (others.Count != 1)
                {
                    throw ChatException.BadRequest("a direct conversation has exactly one other member");
                }

                if (DirectConversationId.For(creation.CreatorId, others[0]) != conversationId)
                {
                    throw ChatException.BadRequest("a direct conversation's id is derived from its two members");
                }

                return [new(creation.CreatorId, MemberRoles.Member), new(others[0], MemberRoles.Member)];
            case ConversationTypes.Group:
                if (others.Count + 1 > Limits.MaxGroupMembers)
                {
                    throw ChatException.BadRequest($"a group has at most {Limits.MaxGroupMembers} members");
                }

                return [new(creation.CreatorId, MemberRoles.Owner), .. others.Select(id => new ConversationMember(id, MemberRoles.Member))];
            case ConversationTypes.Channel:
                return [new(creation.CreatorId, MemberRoles.Owner), .. others.Select(id => new ConversationMember(id, MemberRoles.Subscriber))];
            default:
                throw ChatException.BadRequest($"unknown conversation type '{creation.Type}'");
        }
    }
}
