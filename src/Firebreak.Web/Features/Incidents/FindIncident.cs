using Microsoft.EntityFrameworkCore;
using Firebreak.Web.Data;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// The incident of a project that one of the names of a vulnerability (CVE, GHSA, OSV ids, or a source's own key)
/// already names, for sources that report later news about it (an alert fixed or dismissed, an advisory withdrawn).
/// </summary>
[PublicFace]
internal sealed class FindIncident(FirebreakDbContext db)
{
    /// <summary>The incident's id, or null when none of the aliases names one.</summary>
    public async Task<Guid?> ExecuteAsync(Guid projectId, IEnumerable<string> aliases, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var names = aliases.Select(IncidentAlias.Normalise).Where(a => a.Length is > 0 and <= 100).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return null;
        return await db.Set<IncidentAlias>().Where(a => a.ProjectId == projectId && names.Contains(a.Alias))
            .OrderBy(a => a.AddedAt).Select(a => (Guid?)a.IncidentId).FirstOrDefaultAsync(ct);
    }
}
