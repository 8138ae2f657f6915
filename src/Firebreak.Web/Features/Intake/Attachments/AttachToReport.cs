using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Reports;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// The reporter adds files to a filed report from the portal, within the same limits as at
/// submission (counting the files the report already has). All of them or none are kept, with a
/// timeline entry naming them; the incident's version guards against two uploads racing past a limit.
/// </summary>
internal sealed class AttachToReport(FirebreakDbContext db, AttachmentLimits limits, TimeProvider time)
{
    public async Task<IReadOnlyList<ReportAttachment>> ExecuteAsync(Incident incident, IReadOnlyList<AttachmentUpload> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(uploads);
        if (uploads.Count == 0) throw new DomainException("No file was attached: choose at least one file.");
        var existing = await db.Set<ReportAttachment>().Where(a => a.IncidentId == incident.Id).Select(a => a.Size).ToListAsync(ct);
        var accepted = limits.Check(uploads, existing.Count, existing.Sum());
        var now = time.GetUtcNow();
        var added = accepted.Select(a => ReportAttachment.From(a, incident.ProjectId, incident.Id, null, SubmitReport.Actor, now)).ToList();
        db.AddRange(added);
        incident.RecordCorrespondence($"The reporter attached {string.Join(", ", added.Select(a => a.FileName))}", SubmitReport.Actor, now);
        await db.SaveChangesAsync(ct);
        return added;
    }
}
