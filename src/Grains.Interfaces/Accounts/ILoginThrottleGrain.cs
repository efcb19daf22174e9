namespace Chat.Accounts;

/// <summary>
/// Counts failed sign-ins for one account key (normalised login), cluster-wide, per source (the
/// client address): each (account, source) pair backs off on its own, exponentially, so a stranger
/// guessing from one address cannot lock the owner out from another. A generous account-wide
/// ceiling stops guessing spread over many addresses; sources that signed in recently pass it.
/// </summary>
[Alias("chat.accounts.login-throttle")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>Null if <paramref name="source"/> may try to sign in now, else how long to wait.</summary>
    [Alias("check-source")]
    Task<TimeSpan?> CheckAsync(string source);

    [Alias("record-failure-source")]
    Task RecordFailureAsync(string source);

    /// <summary>Forgets the source's failures and lets it past the account-wide ceiling for a while.</summary>
    [Alias("record-success-source")]
    Task RecordSuccessAsync(string source);
}
