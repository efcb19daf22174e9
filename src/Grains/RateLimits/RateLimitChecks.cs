using Chat.Errors;

namespace Chat.RateLimits;

/// <summary>The checks against <see cref="IUserLimitsGrain"/> that the call and group paths make, each refusing with <c>rate_limited</c>.</summary>
public static class RateLimitChecks
{
    /// <summary>The caller's starts, then each callee's rings (in parallel); the first that is over its limit refuses the call.</summary>
    public static async Task RequireCallAsync(IGrainFactory grains, Guid callerId, IReadOnlyCollection<Guid> calleeIds)
    {
        if (await grains.Reference<IUserLimitsGrain>(callerId).TryStartCallAsync() is { } wait)
        {
            throw ChatException.RateLimited("too many calls started; try again later", wait);
        }

        var rings = await Task.WhenAll(calleeIds.Select(id => grains.Reference<IUserLimitsGrain>(id).TryRingAsync()));
        if (rings.FirstOrDefault(r => r is not null) is { } ringWait)
        {
            throw ChatException.RateLimited("this person has been called too often; try again later", ringWait);
        }
    }

    /// <summary>The adder's group additions over all groups and of each person added.</summary>
    public static async Task RequireGroupAdditionAsync(IGrainFactory grains, Guid adderId, IReadOnlyList<Guid> userIds)
    {
        var others = userIds.Where(id => id != adderId).ToList();
        if (others.Count > 0 && await grains.Reference<IUserLimitsGrain>(adderId).TryAddToGroupAsync(others) is { } wait)
        {
            throw ChatException.RateLimited("too many group additions (or of the same person); try again later", wait);
        }
    }
}
