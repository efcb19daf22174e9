using System.Security.Cryptography;
using System.Text;
using Chat.Errors;
using Chat.Presence;
using Chat.Realtime;
using Chat.Text;

namespace Chat.Conversations;

/// <summary>Membership: adding, removing and leaving, roles, and invite links.</summary>
internal sealed partial class ConversationGrain
{
    public async Task<ConversationInfo> AddMembersAsync(Guid actorId, IReadOnlyList<Guid> userIds)
    {
        var actor = RequireMember(actorId);
        ConversationPermissions.Require(ConversationPermissions.CanManageMembers(state.State.Type, actor.Role), "adding members");
        var added = userIds.Distinct().Where(id => !_members.ContainsKey(id)).ToList();
        await RequireMayAddAsync(actorId, added);
        await AdmitAsync(added);
        return ToInfo();
    }

    public async Task RemoveMemberAsync(Guid actorId, Guid userId)
    {
        var actor = RequireMember(actorId);
        if (state.State.Type == ConversationTypes.Direct)
        {
            throw ChatException.BadRequest("nobody leaves a direct conversation; block or mute instead");
        }

        if (!_members.TryGetValue(userId, out var target))
        {
            throw ChatException.NotFound("not a member");
        }

        if (actorId != userId)
        {
            ConversationPermissions.Require(ConversationPermissions.CanRemove(state.State.Type, actor.Role, target.Role), "removing this member");
        }

        await store.RemoveMemberAsync(Id, userId);
        _members.Remove(userId);
        if (target.Role == MemberRoles.Owner)
        {
            await HandOverOwnershipAsync();
        }

        await GrainFactory.Reference<IPresenceGrain>(userId).NotifyAsync(new ConversationRemovedEvent(Id));
        await PublishMembersAsync();
    }

    public async Task SetRoleAsync(Guid actorId, Guid userId, string role)
    {
        var actor = RequireMember(actorId);
        if (!ConversationPermissions.IsAssignable(role))
        {
            throw ChatException.BadRequest("role must be admin, moderator, member or subscriber");
        }

        if (!_members.TryGetValue(userId, out var target))
        {
            throw ChatException.NotFound("not a member");
        }

        var allowed = ConversationPermissions.CanManageMembers(state.State.Type, actor.Role)
            && ConversationPermissions.Rank(actor.Role) > ConversationPermissions.Rank(target.Role)
            && ConversationPermissions.Rank(actor.Role) > ConversationPermissions.Rank(role);
        ConversationPermissions.Require(allowed, "giving this role");
        await store.SetRoleAsync(Id, userId, role);
        _members[userId] = target with { Role = role };
        await PublishMembersAsync();
    }

    public async Task<ConversationInfo> RenameAsync(Guid actorId, string name)
    {
        var actor = RequireMember(actorId);
        ConversationPermissions.Require(ConversationPermissions.CanRename(state.State.Type, actor.Role), "renaming");
        var trimmed = name.Trim();
        TextRules.Require(trimmed, "name");
        if (trimmed.Length is 0 or > Limits.MaxConversationNameChars)
        {
            throw ChatException.BadRequest($"a name has 1 to {Limits.MaxConversationNameChars} characters");
        }

        if (trimmed != state.State.Name)
        {
            // The table feeds the conversation list, the grain state everything else: the table first,
            // and put back if the state write fails, so a failure leaves both as they were.
            var previous = state.State.Name;
            await store.RenameAsync(Id, trimmed);
            state.State.Name = trimmed;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Name = previous;
                await store.RenameAsync(Id, previous ?? "");
                throw;
            }
            await _frontends.PublishAsync(EventAudience.Conversation, Id, new ConversationUpdatedEvent(Id, trimmed) { AvatarFileId = state.State.AvatarFileId });
        }

        return ToInfo();
    }

    public async Task<InviteLink> CreateInviteAsync(Guid actorId, DateTimeOffset? expiresAt, int? maxUses)
    {
        var actor = RequireMember(actorId);
        ConversationPermissions.Require(ConversationPermissions.CanManageMembers(state.State.Type, actor.Role), "creating invite links");
        var now = time.GetUtcNow();
        if (expiresAt is { } expiry && (expiry <= now || expiry > now + Limits.MaxInviteLifetime))
        {
            throw ChatException.BadRequest($"expiresAt must be in the future and at most {Limits.MaxInviteLifetime.TotalDays} days ahead, or absent");
        }

        if (maxUses is < 1 or > Limits.MaxInviteUses)
        {
            throw ChatException.BadRequest($"maxUses must be 1 to {Limits.MaxInviteUses}, or absent");
        }

        state.State.Invites.RemoveAll(i => IsSpent(i));
        if (state.State.Invites.Count >= Limits.MaxInviteLinks)
        {
            throw ChatException.Conflict($"at most {Limits.MaxInviteLinks} live invite links");
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var code = $"{Id:N}.{secret}";
        state.State.Invites.Add(new InviteState { CodeHash = Hash(code), ExpiresAt = expiresAt, MaxUses = maxUses, CreatedBy = actorId });
        await state.WriteStateAsync();
        return new InviteLink(code, expiresAt, maxUses);
    }

    public async Task RevokeInviteAsync(Guid actorId, string code)
    {
        var actor = RequireMember(actorId);
        ConversationPermissions.Require(ConversationPermissions.CanManageMembers(state.State.Type, actor.Role), "revoking invite links");
        if (state.State.Invites.RemoveAll(i => i.CodeHash == Hash(code)) == 0)
        {
            throw ChatException.NotFound("no such invite link");
        }

        await state.WriteStateAsync();
    }

    public async Task<ConversationInfo> JoinByInviteAsync(Guid userId, string code)
    {
        var invite = state.State.Invites.FirstOrDefault(i => i.CodeHash == Hash(code));
        if (!state.State.Created || invite is null || IsSpent(invite))
        {
            throw ChatException.NotFound("invite link is unknown, revoked, expired or used up");
        }

        if (!_members.ContainsKey(userId))
        {
            invite.Uses++;
            await state.WriteStateAsync();
            await AdmitAsync([userId]);
        }

        return ToInfo();
    }

    private async Task AdmitAsync(List<Guid> userIds)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        if (state.State.Type == ConversationTypes.Group && _members.Count + userIds.Count > Limits.MaxGroupMembers)
        {
            throw ChatException.Conflict($"a group has at most {Limits.MaxGroupMembers} members");
        }

        var role = state.State.Type == ConversationTypes.Channel ? MemberRoles.Subscriber : MemberRoles.Member;
        var admitted = userIds.Select(id => new ConversationMember(id, role)).ToList();
        await store.AddMembersAsync(Id, admitted);
        admitted.ForEach(m => _members[m.UserId] = new MemberCursor(role, 0, 0));
        var added = new ConversationAddedEvent(Id, state.State.Type, state.State.Name);
        await Task.WhenAll(admitted.Select(m => GrainFactory.Reference<IPresenceGrain>(m.UserId).NotifyAsync(added)));
        await PublishMembersAsync();
    }

    // The owner left: the highest-ranked remaining member (earliest by id among equals) takes over.
    private async Task HandOverOwnershipAsync()
    {
        var heir = _members.OrderByDescending(m => ConversationPermissions.Rank(m.Value.Role)).ThenBy(m => m.Key).Select(m => (Guid?)m.Key).FirstOrDefault();
        if (heir is { } userId)
        {
            await store.SetRoleAsync(Id, userId, MemberRoles.Owner);
            _members[userId] = _members[userId] with { Role = MemberRoles.Owner };
        }
    }

    // Channels can be huge and subscribers need no member list: only groups announce it.
    private Task PublishMembersAsync() => state.State.Type == ConversationTypes.Channel
        ? Task.CompletedTask
        : _frontends.PublishAsync(EventAudience.Conversation, Id, new MembersChangedEvent(Id, ToInfo().Members));

    private bool IsSpent(InviteState invite) =>
        invite.ExpiresAt <= time.GetUtcNow() || invite.Uses >= invite.MaxUses;

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
