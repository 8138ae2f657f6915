using System.Threading.Channels;
using Firebreak.Web.Data;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// The audit records of reads (an incident's page, its JSON, its reporter thread), committed in groups: the
/// records of reads that arrive together are sealed into the chain and committed by the
/// <see cref="ReadAuditWriter"/> in one transaction (one pass through the <see cref="WriteGate"/>, one
/// read of the chain's head, one flush to disk), and each reader is answered only after the commit that
/// holds its record. A read that was answered therefore has its record on disk; a crash loses only
/// reads that were never answered.
/// </summary>
internal sealed class ReadAudit
{
    private readonly Channel<PendingRead> _waiting = Channel.CreateBounded<PendingRead>(new BoundedChannelOptions(8192)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues the record and waits until it is committed; a server shutting down answers busy (no answer without a record).</summary>
    public async Task RecordAsync(DateTimeOffset at, string actor, string action, string subject, string detail, CancellationToken ct)
    {
        var read = new PendingRead(at, actor, action, subject, detail);
        try
        {
            await _waiting.Writer.WriteAsync(read, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new ServiceBusyException(e);
        }
        await read.Committed.Task.WaitAsync(ct);
    }

    /// <summary>Waits for the next record; false once closed and empty.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken ct) => _waiting.Reader.WaitToReadAsync(ct);

    /// <summary>Moves up to <paramref name="max"/> waiting records into <paramref name="batch"/>, oldest first.</summary>
    public void Take(List<PendingRead> batch, int max)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (batch.Count < max && _waiting.Reader.TryRead(out var read)) batch.Add(read);
    }

    /// <summary>Refuses new records; those already waiting are still committed or answered.</summary>
    public void Close() => _waiting.Writer.TryComplete();
}

/// <summary>One read's record waiting for its commit.</summary>
internal sealed class PendingRead(DateTimeOffset at, string actor, string action, string subject, string detail)
{
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A fresh, unsealed record for one attempt (a record sealed in a failed attempt cannot be sealed again).</summary>
    public AuditRecord ToRecord() => new(at, actor, action, subject, detail);
}
