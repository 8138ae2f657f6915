using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>
/// Queues the private notice to the project's private contacts and repository owners, held until
/// <c>sendAt</c> if given, which must come before the disclosure. Returns how many were queued.
/// </summary>
internal sealed class QueuePrivateNotice(FirebreakDbContext db, ProjectAccess access, AdvisoryMoves moves, DisclosureMail mail, TimeProvider time)
{
    public async Task<int?> ExecuteAsync(Guid incidentId, DateTimeOffset? sendAt, string baseUrl, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        var row = await moves.FindAsync(incidentId, ct) ?? throw new DomainException(AdvisoryMoves.NoAdvisory);
        if (row.State == AdvisoryState.Withdrawn) throw new DomainException("The advisory is withdrawn; there is nothing to notify.");
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        var settings = await db.Set<DisclosureSettings>().FindAsync([project.Id], ct);
        if (settings is null || settings.PrivateRecipients.Count + settings.RepositoryOwners.Count == 0)
            throw new DomainException("privateRecipients: the project has no private contacts or repository owners; add them in its disclosure settings.");
        var now = time.GetUtcNow();
        var at = sendAt is { } s && s > now ? s : now;
        if (incident.DisclosureDue is { } due && at >= due && !row.IsPublicAt(now))
            throw new DomainException($"sendAt: {at.UtcDateTime:u} is not before the disclosure ({due.UtcDateTime:u}); a private notice goes out ahead of it.");
        var rendition = PublicAdvisories.Render(row, incident).Advisory;
        var count = await mail.QueuePrivateNoticeAsync(project, row, rendition, settings, row.PublishAt is { } p ? p.AsInstant() : incident.DisclosureDue,
            AdvisoryLinks.Public(baseUrl, project, rendition.Id), at, ct);
        incident.RecordAdvisory($"Private disclosure notice for advisory {row.AdvisoryId} (version {row.Version}) queued to {count} recipient(s), sending at {at.UtcDateTime:u}",
            moves.Actor, now);
        await moves.SaveAsync(ct);
        return count;
    }
}
