using Firebreak.Web.Data;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>Adds a security event to the caller's unit of work; it is sealed into the chain when the caller saves.</summary>
internal sealed class AuditTrail(FirebreakDbContext db, TimeProvider time, ReadAudit reads)
{
    public void Record(string actor, string action, string subject, string detail) =>
        db.Add(new AuditRecord(time.GetUtcNow(), actor, action, subject, detail));

    /// <summary>Records and saves at once, for events that change nothing else (sign-ins, reads).</summary>
    public async Task RecordNowAsync(string actor, string action, string subject, string detail, CancellationToken ct)
    {
        Record(actor, action, subject, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records a read (a page or document shown, nothing changed) and returns once the record is committed,
    /// in a group commit with the reads that arrived together (<see cref="ReadAudit"/>). It does not save
    /// the caller's unit of work: use it where a request changes nothing else.
    /// </summary>
    public Task RecordReadAsync(string actor, string action, string subject, string detail, CancellationToken ct) =>
        reads.RecordAsync(time.GetUtcNow(), actor, action, subject, detail, ct);
}
