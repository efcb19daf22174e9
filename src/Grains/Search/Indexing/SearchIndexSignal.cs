using System.Threading.Channels;

namespace Chat.Search.Indexing;

/// <summary>
/// Wakes this silo's indexer when a message was just written here, so a send is searchable within
/// milliseconds instead of at the next poll. Local only: a write on another silo is picked up by
/// the poll (or by that silo's indexer, whichever holds the lock). Poking is free and never blocks.
/// </summary>
public sealed class SearchIndexSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a poke or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _signal.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed with no poke.
        }
    }
}
