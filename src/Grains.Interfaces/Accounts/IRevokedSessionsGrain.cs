namespace Chat.Accounts;

/// <summary>
/// The cluster-wide broadcast of revoked sessions (key 0). Frontends subscribe and renew within
/// <see cref="RevocationTimings.SubscriptionLease"/>; a revocation reaches every subscribed
/// Frontend before <see cref="PublishAsync"/> returns (or its wait runs out). Postgres stays the
/// truth: <see cref="ListSinceAsync"/> is the backstop a Frontend reads on start and now and then.
/// </summary>
[Alias("chat.accounts.revoked-sessions")]
public interface IRevokedSessionsGrain : IGrainWithIntegerKey
{
    [Alias("subscribe")]
    Task SubscribeAsync(Guid frontendId, IRevokedSessionsObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(Guid frontendId);

    [Alias("publish")]
    Task PublishAsync(IReadOnlyList<RevokedSession> sessions);

    /// <summary>Sessions revoked at or after <paramref name="since"/> (database time).</summary>
    [Alias("list-since")]
    Task<IReadOnlyList<RevokedSession>> ListSinceAsync(DateTimeOffset since);
}
