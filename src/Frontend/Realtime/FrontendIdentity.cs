namespace Chat.Frontend.Realtime;

/// <summary>This Frontend process's id: the key of its event stream. New on every start, so a restarted process never inherits stale subscriptions.</summary>
public sealed class FrontendIdentity
{
    public Guid Id { get; } = Guid.NewGuid();
}
