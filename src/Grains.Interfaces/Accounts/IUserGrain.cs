namespace Chat.Accounts;

/// <summary>
/// One user's profile, privacy settings and block list, persisted as grain state. The display
/// name is also kept in <c>accounts</c>, which the directory serves lists from.
/// </summary>
[Alias("chat.accounts.user")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The user's own full profile.</summary>
    [Alias("get-profile"), ReadOnly]
    Task<ProfileDetails> GetProfileAsync();

    [Alias("update-profile")]
    Task<ProfileDetails> UpdateProfileAsync(ProfileChange change);

    /// <summary>The profile as <paramref name="viewerId"/> may see it (the avatar follows the profilePhoto setting).</summary>
    [Alias("get-public-profile"), ReadOnly]
    Task<ProfileDetails> GetPublicProfileAsync(Guid viewerId);

    [Alias("get-privacy"), ReadOnly]
    Task<PrivacySettings> GetPrivacyAsync();

    [Alias("set-privacy")]
    Task<PrivacySettings> SetPrivacyAsync(PrivacySettings settings);

    /// <summary>Whether this user's <paramref name="setting"/> lets <paramref name="viewerId"/> see it; a blocked viewer sees nothing.</summary>
    [Alias("can-see"), ReadOnly]
    Task<bool> CanSeeAsync(PrivacySetting setting, Guid viewerId);

    /// <summary>
    /// This user's read-receipts audience as <paramref name="viewerId"/> meets it: the setting, or
    /// <see cref="PrivacyAudiences.Nobody"/> when the viewer is blocked. The conversation decides what it means there.
    /// </summary>
    [Alias("read-receipts-audience"), ReadOnly]
    Task<string> GetReadReceiptsAudienceAsync(Guid viewerId);

    /// <summary>Blocks another registered user; blocking someone already blocked changes nothing.</summary>
    [Alias("block")]
    Task BlockAsync(Guid otherUserId);

    /// <summary>Unblocks; unblocking someone not blocked changes nothing.</summary>
    [Alias("unblock")]
    Task UnblockAsync(Guid otherUserId);

    [Alias("get-blocked"), ReadOnly]
    Task<IReadOnlyList<Guid>> GetBlockedAsync();

    /// <summary>Whether this user has blocked <paramref name="otherUserId"/>; conversations ask before a direct chat is opened or written.</summary>
    [Alias("has-blocked"), ReadOnly]
    Task<bool> HasBlockedAsync(Guid otherUserId);

    /// <summary>
    /// Whether <paramref name="adderId"/> may add this user to a group or channel: no block either way
    /// that this user's grain knows of, and allowed by the <c>groupAdds</c> setting. The adder's own
    /// block list is the caller's to check (read once for everyone added).
    /// </summary>
    [Alias("may-add-to-groups"), ReadOnly]
    Task<bool> MayAddToGroupsAsync(Guid adderId);

    /// <summary>The other side of a block: <paramref name="blockerId"/> blocked (or unblocked) this user. Interleaves, so two users blocking each other at once do not wait on each other.</summary>
    [Alias("set-blocked-by"), AlwaysInterleave]
    Task SetBlockedByAsync(Guid blockerId, bool blocked);

    /// <summary>Everyone this user blocked or was blocked by: the people whose events and theirs do not meet.</summary>
    [Alias("get-block-relations"), ReadOnly]
    Task<IReadOnlySet<Guid>> GetBlockRelationsAsync();

    [Alias("get-watch-policy"), ReadOnly]
    Task<Presence.WatchPolicy> GetWatchPolicyAsync();

    [Alias("get-auto-reply"), ReadOnly]
    Task<AutoReplySettings> GetAutoReplyAsync();

    /// <summary>Sets the away message; conversations pick a change up within <see cref="Limits.AutoReplySettingCacheTime"/>.</summary>
    [Alias("set-auto-reply")]
    Task<AutoReplySettings> SetAutoReplyAsync(AutoReplySettings settings);

    /// <summary>
    /// Erases the account after checking the password (and a two-factor code when it is on): every
    /// session is revoked, personal data is replaced by a tombstone and the grain state is cleared.
    /// Messages stay, under a sender that shows as <see cref="DeletedAccounts.DisplayName"/>.
    /// </summary>
    [Alias("delete-account")]
    Task DeleteAccountAsync(string password, string? totpCode);
}
