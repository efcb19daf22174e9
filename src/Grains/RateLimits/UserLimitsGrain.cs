using Microsoft.Extensions.Options;

namespace Chat.RateLimits;

/// <summary>
/// Buckets in memory only: a silo restart refills them, which costs at most one more window of
/// actions and saves a Postgres write per call or group addition. The activation lives an hour
/// after its last use, as long as the longest window it keeps.
/// </summary>
[CollectionAgeLimit(Minutes = 61)]
internal sealed class UserLimitsGrain(IOptions<AbuseLimits> options, TimeProvider time) : Grain, IUserLimitsGrain
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly AbuseLimits _limits = options.Value;
    private readonly Dictionary<Guid, TokenBucket> _addedPeople = [];
    private TokenBucket? _callsStarted;
    private TokenBucket? _rings;
    private TokenBucket? _groupAdditions;

    public Task<TimeSpan?> TryStartCallAsync() =>
        Task.FromResult(Bucket(ref _callsStarted, _limits.CallsPerCallerPerHour).TryTake(time.GetUtcNow()));

    public Task<TimeSpan?> TryRingAsync() =>
        Task.FromResult(Bucket(ref _rings, _limits.CallsPerCalleePerHour).TryTake(time.GetUtcNow()));

    public Task<TimeSpan?> TryAddToGroupAsync(IReadOnlyList<Guid> userIds)
    {
        var now = time.GetUtcNow();
        var people = userIds.Distinct().ToList();
        foreach (var full in _addedPeople.Where(p => p.Value.IsFull(now)).Select(p => p.Key).ToList())
        {
            _addedPeople.Remove(full);
        }

        // Every bucket is checked before any is taken from, so a refused addition costs nothing.
        foreach (var id in people)
        {
            if (_addedPeople.TryGetValue(id, out var samePerson) && samePerson.WaitFor(now) is { } wait)
            {
                return Task.FromResult<TimeSpan?>(wait);
            }
        }

        if (Bucket(ref _groupAdditions, _limits.GroupAdditionsPerUserPerHour).TryTake(now, people.Count) is { } overall)
        {
            return Task.FromResult<TimeSpan?>(overall);
        }

        foreach (var id in people)
        {
            if (!_addedPeople.TryGetValue(id, out var bucket))
            {
                bucket = new TokenBucket(_limits.GroupAdditionsOfSamePersonPerHour, Hour, now);
                _addedPeople[id] = bucket;
            }

            bucket.TryTake(now);
        }

        return Task.FromResult<TimeSpan?>(null);
    }

    private TokenBucket Bucket(ref TokenBucket? bucket, int perHour) => bucket ??= new TokenBucket(perHour, Hour, time.GetUtcNow());
}
