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

    /// <summary>
    /// The writer's loop, until the server stops: waits for work, takes what arrived together (up to
    /// <paramref name="maxBatch"/>) and hands it to <paramref name="commit"/>, which answers each item. When the server
    /// stops the queue is closed, and what was being committed and what still waits is handed to <paramref name="fail"/>
    /// with a busy answer (an item already answered keeps its answer: answers are set once).
    /// </summary>
    public async Task RunWriterAsync(int maxBatch, Func<List<T>, CancellationToken, Task> commit, Action<T, Exception> fail, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(fail);
        var batch = new List<T>(maxBatch);
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(batch, maxBatch);
                await commit(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _waiting.Writer.TryComplete();
            var busy = new ServiceBusyException(new OperationCanceledException("The server is stopping."));
            Take(batch, int.MaxValue);
            foreach (var item in batch) fail(item, busy);
        }
    }

    private void Take(List<T> batch, int max)
    {
        while (batch.Count < max && _waiting.Reader.TryRead(out var item)) batch.Add(item);
    }
}
