using Chat.Errors;
using Chat.Files.Attachments;
using Chat.Presence;
using Microsoft.Extensions.Logging;

namespace Chat.Accounts;

/// <summary>
/// One user's profile, privacy and blocks. Until the first change the state is the default, with
/// the display name the account signed up with; unknown user ids answer not found and write nothing.
/// </summary>
internal sealed partial class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    AccountStore accounts,
    UserProfileStore profiles,
    AccountErasureStore erasure,
    TwoFactorStore twoFactor,
    AvatarFiles avatars,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private string? _username;

    private Guid UserId => this.GetPrimaryKey();

    public async Task<ProfileDetails> GetProfileAsync() => ToDetails(await RequireAccountAsync(), showAvatar: true);

    public async Task<ProfileDetails> UpdateProfileAsync(ProfileChange change)
    {
        ProfileRules.Validate(change);
        var username = await RequireAccountAsync();
        var profile = state.State;
        var displayName = change.DisplayName?.Trim();
        var bio = change.Bio?.Trim() ?? profile.Bio;
        var statusText = change.StatusText?.Trim() ?? profile.StatusText;
        var avatarFileId = change.ChangeAvatar ? change.AvatarFileId : profile.AvatarFileId;
        var previousName = profile.DisplayName;

        // All or nothing: the directory's copy of the name (the write with constraints of its own)
        // goes first; if the state write then fails, it is put back. Written whenever a name is
        // given, not only when it differs, so a retry after a failure converges.
        // The photo is checked (the user's own complete image) and made public before anything else changes.
        var previousAvatar = profile.AvatarFileId;
        var avatarChanges = avatarFileId != previousAvatar;
        if (avatarChanges)
        {
            await avatars.UseForProfileAsync(UserId, avatarFileId, previousAvatar);
        }

        if (displayName is not null)
        {
            await profiles.UpdateDisplayNameAsync(UserId, username, displayName);
        }

        var next = (DisplayName: displayName ?? previousName, Bio: bio, StatusText: statusText, AvatarFileId: avatarFileId);
        if (next != (profile.DisplayName, profile.Bio, profile.StatusText, profile.AvatarFileId))
        {
            (profile.DisplayName, profile.Bio, profile.StatusText, profile.AvatarFileId) = next;
            try
            {
                await WriteStateAsync();
            }
            catch when ((displayName is not null && displayName != previousName) || avatarChanges)
            {
                if (displayName is not null && displayName != previousName)
                {
                    await profiles.UpdateDisplayNameAsync(UserId, username, previousName);
                }

                if (avatarChanges)
                {
                    await avatars.PutBackProfileAsync(UserId, previousAvatar, avatarFileId);
                }

                throw;
            }
        }

        return ToDetails(username, showAvatar: true);
    }

    public async Task<ProfileDetails> GetPublicProfileAsync(Guid viewerId)
    {
        if (_username is null && await erasure.IsErasedAsync(UserId))
        {
            return new ProfileDetails(UserId, DeletedAccounts.Tombstone(UserId), DeletedAccounts.DisplayName, "", "", null);
        }

        var username = await RequireAccountAsync();
        return ToDetails(username, showAvatar: await CanSeeAsync(PrivacySetting.ProfilePhoto, viewerId));
    }

    public async Task<PrivacySettings> GetPrivacyAsync()
    {
        await RequireAccountAsync();
        return CurrentPrivacy();
    }

    public async Task<PrivacySettings> SetPrivacyAsync(PrivacySettings settings)
    {
        ProfileRules.Validate(settings);
        await RequireAccountAsync();
        settings = settings with
        {
            GroupAdds = settings.GroupAdds ?? state.State.GroupAdds,
            FindByEmail = settings.FindByEmail ?? state.State.FindByEmail,
            FindByPhone = settings.FindByPhone ?? state.State.FindByPhone,
        };
        if (settings != CurrentPrivacy())
        {
            state.State.LastSeen = settings.LastSeen;
            state.State.ProfilePhoto = settings.ProfilePhoto;
            state.State.ReadReceipts = settings.ReadReceipts;
            state.State.GroupAdds = settings.GroupAdds;
            state.State.FindByEmail = settings.FindByEmail;
            state.State.FindByPhone = settings.FindByPhone;
            await WriteStateAsync();
        }

        // Pushed even when unchanged: a retry after a failed push brings the copy in step.
        await PushWatchPolicyAsync();
        return CurrentPrivacy();
    }

    public async Task<bool> CanSeeAsync(PrivacySetting setting, Guid viewerId)
    {
        if (viewerId == UserId)
        {
            return true;
        }

        if (state.State.Blocked.Contains(viewerId) || state.State.BlockedBy.Contains(viewerId))
        {
            return false;
        }

        var audience = setting switch
        {
            PrivacySetting.LastSeen => state.State.LastSeen,
            PrivacySetting.ProfilePhoto => state.State.ProfilePhoto,
            PrivacySetting.ReadReceipts => state.State.ReadReceipts,
            PrivacySetting.GroupAdds => state.State.GroupAdds,
            PrivacySetting.FindByEmail => state.State.FindByEmail,
            PrivacySetting.FindByPhone => state.State.FindByPhone,
            _ => PrivacyAudiences.Nobody,
        };
        return audience switch
        {
            PrivacyAudiences.Everyone => true,
            PrivacyAudiences.Contacts => await profiles.AreContactsAsync(UserId, viewerId),
            _ => false,
        };
    }

    public async Task<bool> MayAddToGroupsAsync(Guid adderId)
    {
        await RequireAccountAsync();

        // CanSeeAsync refuses across a block either way this user knows of; the caller checks the adder's own list.
        return await CanSeeAsync(PrivacySetting.GroupAdds, adderId);
    }

    public Task<string> GetReadReceiptsAudienceAsync(Guid viewerId) =>
        Task.FromResult(viewerId != UserId && state.State.Blocked.Contains(viewerId) ? PrivacyAudiences.Nobody : state.State.ReadReceipts);

    public async Task BlockAsync(Guid otherUserId)
    {
        if (otherUserId == UserId)
        {
            throw ChatException.BadRequest("you cannot block yourself");
        }

        await RequireAccountAsync();
        if (state.State.Blocked.Contains(otherUserId))
        {
            await PushWatchPolicyAsync();
            await GrainFactory.Reference<IUserGrain>(otherUserId).SetBlockedByAsync(UserId, true);
            return;
        }

        if (await accounts.FindAccountAsync(otherUserId) is null)
        {
            throw ChatException.BadRequest("no such user to block");
        }

        if (state.State.Blocked.Count >= Limits.MaxBlockedUsers)
        {
            throw ChatException.BadRequest($"at most {Limits.MaxBlockedUsers} users can be blocked");
        }

        state.State.Blocked.Add(otherUserId);
        await WriteStateAsync();
        await PushWatchPolicyAsync();
        await GrainFactory.Reference<IUserGrain>(otherUserId).SetBlockedByAsync(UserId, true);

        LogBlocked(logger, UserId, otherUserId);
    }

    public async Task UnblockAsync(Guid otherUserId)
    {
        var removed = state.State.Blocked.Remove(otherUserId);
        if (removed)
        {
            await WriteStateAsync();
        }

        await PushWatchPolicyAsync();
        if (removed)
        {
            await GrainFactory.Reference<IUserGrain>(otherUserId).SetBlockedByAsync(UserId, false);
            LogUnblocked(logger, UserId, otherUserId);
        }
    }

    public Task<IReadOnlyList<Guid>> GetBlockedAsync() => Task.FromResult<IReadOnlyList<Guid>>([.. state.State.Blocked]);

    public Task<bool> HasBlockedAsync(Guid otherUserId) => Task.FromResult(state.State.Blocked.Contains(otherUserId));

    public async Task SetBlockedByAsync(Guid blockerId, bool blocked)
    {
        // Nothing is written for a user without an account, or when nothing changes.
        if (blocked ? state.State.BlockedBy.Contains(blockerId) : !state.State.BlockedBy.Contains(blockerId))
        {
            return;
        }

        await RequireAccountAsync();
        _ = blocked ? state.State.BlockedBy.Add(blockerId) : state.State.BlockedBy.Remove(blockerId);
        await WriteStateAsync();
        await PushWatchPolicyAsync();
    }

    public Task<IReadOnlySet<Guid>> GetBlockRelationsAsync() =>
        Task.FromResult<IReadOnlySet<Guid>>(state.State.Blocked.Union(state.State.BlockedBy).ToHashSet());

    public Task<WatchPolicy> GetWatchPolicyAsync() => Task.FromResult(CurrentWatchPolicy());

    // Presence is hidden both ways across a block: from those this user blocked and from those who blocked them.
    private WatchPolicy CurrentWatchPolicy() => new(state.State.LastSeen, state.State.Blocked.Union(state.State.BlockedBy).ToHashSet());

    // The presence grain answers watchers from its own copy, so it must learn every change.
    private Task PushWatchPolicyAsync() => GrainFactory.Reference<IPresenceGrain>(UserId).SetWatchPolicyAsync(CurrentWatchPolicy());

    public async Task DeleteAccountAsync(string password, string? totpCode)
    {
        var account = await accounts.FindAccountAsync(UserId) ?? throw ChatException.NotFound("no such user");
        var throttle = GrainFactory.Reference<ILoginThrottleGrain>(AccountRules.UsernameKey(account.Username));
        var source = LoginSources.SignedIn(UserId);
        if (await throttle.CheckAsync(source) is { } wait)
        {
            throw ChatException.RateLimited("too many failed attempts for this account; try again later", wait);
        }

        if (!PasswordHasher.Verify(password ?? "", account.PasswordHash))
        {
            await throttle.RecordFailureAsync(source);
            throw ChatException.Forbidden("wrong password");
        }

        if (await twoFactor.FindAsync(UserId) is { Confirmed: true })
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                throw new ChatException(ErrorCodes.TotpRequired, "a two-factor code is required");
            }

            if (!await GrainFactory.Reference<ITwoFactorGrain>(UserId).TryUseLoginCodeAsync(totpCode))
            {
                await throttle.RecordFailureAsync(source);
                throw ChatException.Forbidden("wrong or already used two-factor code");
            }
        }

        // Files first: a failure here fails the deletion, which the person can retry; the other way
        // round, an erased account would leave its files with no one to remove them.
        await GrainFactory.Reference<Chat.Files.IFileCleanupGrain>(0).RemoveOwnedFilesAsync(UserId);
        var revoked = await erasure.EraseAsync(UserId);
        _username = null;
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = new UserState();
        LogDeleted(logger, UserId);
        await SessionRevocations.AnnounceAsync(GrainFactory, revoked ?? [], logger);
    }

    /// <summary>Reads the account once per activation; a grain for an id with no account answers not found.</summary>
    private async Task<string> RequireAccountAsync()
    {
        if (_username is not null)
        {
            return _username;
        }

        var account = await accounts.FindAccountAsync(UserId) ?? throw ChatException.NotFound("no such user");
        if (!state.RecordExists)
        {
            state.State.DisplayName = account.DisplayName;
        }

        return _username = account.Username;
    }

    /// <summary>Writes the state; if that fails the in-memory copy is ahead of storage, so the activation is dropped and the next one reloads.</summary>
    // Writes are serialized: SetBlockedByAsync interleaves (two users blocking each other at once call each other).
    private async Task WriteStateAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private PrivacySettings CurrentPrivacy() => new(state.State.LastSeen, state.State.ProfilePhoto, state.State.ReadReceipts)
    {
        GroupAdds = state.State.GroupAdds,
        FindByEmail = state.State.FindByEmail,
        FindByPhone = state.State.FindByPhone,
    };

    private ProfileDetails ToDetails(string username, bool showAvatar) => new(
        UserId, username, state.State.DisplayName, state.State.Bio, state.State.StatusText, showAvatar ? state.State.AvatarFileId : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} deleted and its personal data erased")]
    private static partial void LogDeleted(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} blocked {OtherUserId}")]
    private static partial void LogBlocked(ILogger logger, Guid userId, Guid otherUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} unblocked {OtherUserId}")]
    private static partial void LogUnblocked(ILogger logger, Guid userId, Guid otherUserId);
}
