using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Confirmation;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// A reporter asked to be forgotten: an instance administrator replaces the reporter's contact on the incident, and on
/// the held report it came from, with <see cref="Incident.RedactedContact"/>. Nothing else changes and nothing is
/// deleted. The incident's timeline and the audit chain say who redacted and why, never the value, in the same save.
/// </summary>
internal sealed class RedactReporter(FirebreakDbContext db, RedactHeldReports heldReports, AuditTrail audit, CurrentUser user, TimeProvider time)
{
    public async Task<int> ExecuteAsync(Incident incident, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var now = time.GetUtcNow();
        incident.RedactReporterContact(reason, user.Name, now);
        var held = await heldReports.ExecuteAsync(incident.Id, Incident.RedactedContact, ct);
        audit.Record(user.Name, ArchiveActions.ReporterRedacted, $"incident {incident.Id}",
            $"redacted the reporter's contact on incident #{incident.Number} and {held} held report(s): {reason!.Trim()}");
        await db.SaveChangesAsync(ct);
        return held;
    }
}
