using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// The board signs the post-mortem off as the signer read it (its version): the post-mortem becomes the record and the
/// incident's post-mortem clock stops, met or breached.
/// </summary>
internal sealed class SignOffPostMortem(FirebreakDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<PostMortem> ExecuteAsync(Incident incident, SignOffRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Version is not { } basedOn) throw new DomainException("version: required (the version of the post-mortem you read).");
        var postMortem = await SavePostMortem.FindAsync(db, incident.Id, ct)
            ?? throw new DomainException($"Incident #{incident.Number} has no post-mortem written yet; there is nothing to sign off.");
        var project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException($"Incident {incident.Id} has no project.");
        var now = time.GetUtcNow();
        postMortem.SignOff(basedOn, user.Name, now);
        incident.RecordPostMortemSignOff(project.Policy, user.Name, now);
        await db.SaveChangesAsync(ct);
        return postMortem;
    }
}
