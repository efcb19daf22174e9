using Chat.Errors;
using Orleans.Concurrency;

namespace Chat.Calls;

/// <summary>Serves call history from Postgres; stateless, any silo serves any call.</summary>
[StatelessWorker]
internal sealed class CallHistoryGrain(CallHistoryStore store) : Grain, ICallHistoryGrain
{
    public Task<IReadOnlyList<CallHistoryEntry>> ListAsync(Guid userId, DateTimeOffset? before, int limit)
    {
        if (limit is < 1 or > Limits.MaxCallHistoryPageSize)
        {
            throw ChatException.BadRequest($"limit must be 1 to {Limits.MaxCallHistoryPageSize}");
        }

        return store.ListAsync(userId, before, limit);
    }
}
