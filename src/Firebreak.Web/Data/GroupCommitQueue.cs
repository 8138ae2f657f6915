using System.Threading.Channels;

namespace Firebreak.Web.Data;

/// <summary>
/// Where work waits for its one writer, which commits what arrived together in one transaction (one pass through the
/// write gate, one flush to disk) and answers each waiting caller only after that commit: reports filed by intake,
/// audit records of reads. Bounded, so a flood waits rather than grows without end; closed when the server stops, after
/// which new work is answered busy (nothing is kept that was not acknowledged) while what already waits is still
/// committed or answered.
/// </summary>
internal abstract class GroupCommitQueue<T>(int capacity) where T : class
{
    private readonly Channel<T> _waiting = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues the item for the writer; a queue closed by a stopping server answers busy.</summary>
    protected async Task EnqueueAsync(T item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await _waiting.Writer.WriteAsync(item, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new ServiceBusyException(e);
        }
    }

    /// <summary>Waits for the next item; false once the queue is closed and empty.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken ct) => _waiting.Reader.WaitToReadAsync(ct);

    /// <summary>Moves up to <paramref name="max"/> waiting items into <paramref name="batch"/>, oldest first.</summary>
    public void Take(List<T> batch, int max)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (batch.Count < max && _waiting.Reader.TryRead(out var item)) batch.Add(item);
    }

    /// <summary>Refuses new items; those already waiting are still committed or answered.</summary>
    public void Close() => _waiting.Writer.TryComplete();
}
