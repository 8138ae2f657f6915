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
internal sealed class ReadAudit() : GroupCommitQueue<PendingRead>(8192)
{
    /// <summary>Queues the record and waits until it is committed; a server shutting down answers busy (no answer without a record).</summary>
    public async Task RecordAsync(DateTimeOffset at, string actor, string action, string subject, string detail, CancellationToken ct)
    {
        var read = new PendingRead(at, actor, action, subject, detail);
        await EnqueueAsync(read, ct);
        await read.Committed.Task.WaitAsync(ct);
    }
}

/// <summary>One read's record waiting for its commit.</summary>
internal sealed class PendingRead(DateTimeOffset at, string actor, string action, string subject, string detail)
{
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A fresh, unsealed record for one attempt (a record sealed in a failed attempt cannot be sealed again).</summary>
    public AuditRecord ToRecord() => new(at, actor, action, subject, detail);
}
