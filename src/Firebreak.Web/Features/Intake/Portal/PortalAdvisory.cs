using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Portal;

/// <summary>
/// The public advisory of the reporter's incident, as the portal shows it: its id, absolute link, the instant it became
/// public and whether it was withdrawn since. Absent while the advisory is a draft or embargoed (the same rule as every
/// public surface, so the portal never shows the link before the public page exists).
/// </summary>
internal sealed record PortalAdvisory(string Id, string Url, DateTime PublicSince, bool Withdrawn)
{
    public static async Task<PortalAdvisory?> FindAsync(FirebreakDbContext db, Project project, Guid incidentId, DateTimeOffset now, string baseUrl,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(project);
        var row = await db.Set<AdvisoryPublication>().AsNoTracking()
            .Where(a => a.IncidentId == incidentId).Where(AdvisoryPublication.PublicAt(now)).SingleOrDefaultAsync(ct);
        return row is null ? null
            : new PortalAdvisory(row.AdvisoryId, AdvisoryLinks.Public(baseUrl, project, row.AdvisoryId), row.PublishAt!.Value, row.State == AdvisoryState.Withdrawn);
    }
}
