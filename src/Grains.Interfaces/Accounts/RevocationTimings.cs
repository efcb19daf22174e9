namespace Chat.Accounts;

/// <summary>How revocations travel: the subscription lease, the backstop read and how long a publish waits for Frontends.</summary>
public static class RevocationTimings
{
    /// <summary>A Frontend that does not renew its subscription within this is dropped.</summary>
    public static readonly TimeSpan SubscriptionLease = TimeSpan.FromSeconds(45);

    /// <summary>How often a Frontend renews its subscription and reads recent revocations from Postgres (so a lost broadcast only delays).</summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromSeconds(15);

    /// <summary>How far back each backstop read overlaps the previous one, covering clock skew and late commits.</summary>
    public static readonly TimeSpan BackstopOverlap = TimeSpan.FromMinutes(1);

    /// <summary>How long a publish waits for every Frontend to acknowledge before it returns anyway.</summary>
    public static readonly TimeSpan PublishWait = TimeSpan.FromSeconds(2);
}
