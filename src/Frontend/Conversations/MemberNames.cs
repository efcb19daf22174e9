using Chat.Accounts;
using Chat.Conversations;

namespace Chat.Frontend.Conversations;

/// <summary>Adds usernames and display names to a conversation's members (groups are small; channels list none beyond 256).</summary>
internal static class MemberNames
{
    private const int MaxNamedMembers = Limits.MaxGroupMembers;

    public static async Task<ConversationInfo> AddAsync(IClusterClient cluster, ConversationInfo info)
    {
        if (info.Members.Count > MaxNamedMembers)
        {
            return info;
        }

        var profiles = (await cluster.Reference<IAccountDirectoryGrain>(0).GetProfilesAsync([.. info.Members.Select(m => m.UserId)]))
            .ToDictionary(p => p.UserId);
        return info with
        {
            Members = [.. info.Members.Select(m => profiles.TryGetValue(m.UserId, out var p) ? m with { Username = p.Username, DisplayName = p.DisplayName } : m)],
        };
    }
}
