using System.Text;
using System.Text.Json;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// The register entries that name an incident, as the record keeps them (public face, for the archive): each entry as
/// the API shows it, with "review due" decided at <c>asOf</c> so the same record gives the same bytes.
/// </summary>
[PublicFace]
internal sealed class RiskRecord(FirebreakDbContext db)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> JsonAsync(Incident incident, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var entries = await db.Set<RiskEntry>().AsNoTracking()
            .Where(r => r.ProjectId == incident.ProjectId && r.Incidents.Any(l => l.IncidentId == incident.Id)).ToListAsync(ct);
        var risks = entries.OrderBy(r => r.Number).Select(r => RiskJson.From(r, asOf)).ToList();
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { format = "firebreak-risks/1", risks }, Options) + "\n");
    }
}
