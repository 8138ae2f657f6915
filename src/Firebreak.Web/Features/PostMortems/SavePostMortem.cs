using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// Saves the whole post-mortem, made from the version the writer loaded: a save from an older version is refused (409)
/// rather than rerun over someone else's words. The incident's timeline names the sections that changed, not their text.
/// </summary>
internal sealed class SavePostMortem(FirebreakDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<PostMortem> ExecuteAsync(Incident incident, PostMortemRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        if (incident.Stage is Domain.Playbooks.IncidentStage.Rejected or Domain.Playbooks.IncidentStage.Duplicate)
            throw new DomainException($"Incident #{incident.Number} is {incident.Stage.ToWire()}; it has no post-mortem.");
        if (request.Version is not { } basedOn) throw new DomainException("version: required (the version you edited; 0 for a new post-mortem).");
        var content = request.ToContent();
        var existing = await FindAsync(db, incident.Id, ct);
        var postMortem = existing ?? PostMortem.For(incident);
        var now = time.GetUtcNow();
        var changed = postMortem.Edit(content, basedOn, user.Name, now);
        if (changed.Count == 0) return postMortem;
        if (existing is null) db.Add(postMortem);
        incident.RecordFollowUp(TimelineKind.PostMortem, $"Post-mortem saved (version {postMortem.Version}): {string.Join(", ", changed)}", user.Name, now);
        await db.SaveChangesAsync(ct);
        return postMortem;
    }

    public static Task<PostMortem?> FindAsync(FirebreakDbContext db, Guid incidentId, CancellationToken ct) =>
        db.Set<PostMortem>().SingleOrDefaultAsync(p => p.IncidentId == incidentId, ct);
}
