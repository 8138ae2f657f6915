using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Confirmation;

/// <summary>
/// Part of the reporter's redaction (public face): the held reports that became the incident lose their contact address
/// too, in the caller's unit of work. Nothing is deleted; the held report keeps what was reported.
/// </summary>
[PublicFace]
internal sealed class RedactHeldReports(FirebreakDbContext db)
{
    /// <summary>How many held reports were redacted (the caller saves).</summary>
    public async Task<int> ExecuteAsync(Guid incidentId, string marker, CancellationToken ct)
    {
        var held = await db.Set<HeldReport>().Where(h => h.IncidentId == incidentId).ToListAsync(ct);
        // The contact is sealed: it is compared here, in memory, never in SQL.
        var redacted = held.Where(h => h.Contact != marker).ToList();
        foreach (var report in redacted) report.RedactContact(marker);
        return redacted.Count;
    }
}
