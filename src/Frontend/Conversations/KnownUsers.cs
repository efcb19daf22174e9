using Chat.Accounts;
using Chat.Errors;

namespace Chat.Frontend.Conversations;

/// <summary>Refuses member lists that name users who do not exist.</summary>
internal static class KnownUsers
{
    public static async Task RequireAsync(IClusterClient cluster, IReadOnlyCollection<Guid> userIds)
    {
        var distinct = userIds.Distinct().ToList();
        var found = await cluster.Reference<IAccountDirectoryGrain>(0).GetProfilesAsync(distinct);
        if (found.Count != distinct.Count)
        {
            throw ChatException.BadRequest("the member list names an unknown user");
        }
    }
}
