using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake;

/// <summary>Reads a report's thread: all of it for maintainers, only what is shared for the reporter's portal.</summary>
internal sealed class ReportThreads(FirebreakDbContext db)
{
    /// <summary>The incident a live token opens, or null (unknown, malformed or revoked tokens all look the same).</summary>
    public async Task<(Incident Incident, ReporterLink Link)?> OpenByTokenAsync(string? token, CancellationToken ct)
    {
        if (!ReporterLink.LooksLikeToken(token)) return null;
        var hash = ReporterLink.Hash(token!);
        var link = await db.Set<ReporterLink>().SingleOrDefaultAsync(l => l.TokenHash == hash && l.RevokedAt == null, ct);
        if (link is null) return null;
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == link.IncidentId, ct);
        return incident is null ? null : (incident, link);
    }

    public Task<List<ReportMessage>> SharedAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<ReportMessage>().Where(m => m.IncidentId == incidentId && m.Shared).OrderBy(m => m.Sequence).ToListAsync(ct);

    public Task<List<ReportMessage>> AllAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<ReportMessage>().Where(m => m.IncidentId == incidentId).OrderBy(m => m.Sequence).ToListAsync(ct);
}
