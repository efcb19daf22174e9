namespace Chat.Calls;

/// <summary>Reads users' finished calls from the call history table; stateless, any silo serves any call.</summary>
[Alias("chat.call-history")]
public interface ICallHistoryGrain : IGrainWithIntegerKey
{
    /// <summary>The user's calls, newest first.</summary>
    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<CallHistoryEntry>> ListAsync(Guid userId, DateTimeOffset? before, int limit);
}
