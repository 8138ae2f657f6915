using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Incidents.Closing;

/// <summary>Reopens an ended incident into discovery with a reason on its timeline; an incident not ended is refused as changed meanwhile.</summary>
internal sealed class ReopenIncident(FirebreakDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task ExecuteAsync(Incident incident, ReopenIncidentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        incident.Reopen(request.Reason, user.Name, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
