namespace Chat.Accounts;

/// <summary>The one place that asks whether two users have blocked each other; both sides are asked at once.</summary>
internal static class Blocks
{
    /// <summary>True if either user blocked the other: then they neither write, call nor open a direct conversation.</summary>
    public static async Task<bool> EitherWayAsync(IGrainFactory grains, Guid a, Guid b)
    {
        var blocked = await Task.WhenAll(
            grains.Reference<IUserGrain>(a).HasBlockedAsync(b),
            grains.Reference<IUserGrain>(b).HasBlockedAsync(a));
        return blocked[0] || blocked[1];
    }
}
