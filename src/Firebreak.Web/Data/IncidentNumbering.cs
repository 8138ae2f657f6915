using Firebreak.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// Incident numbers are per project and dense (#1, #2, …). Two openings at once may pick the same
/// number; the unique index refuses the second, which then takes the next one.
/// </summary>
internal static class IncidentNumbering
{
    /// <summary>
    /// Builds the incident with the next free number, adds it with whatever else <paramref name="alsoAdd"/>
    /// puts in the unit of work, and saves; retried from scratch on a number clash.
    /// </summary>
    public static async Task<Incident> AddNumberedAsync(this FirebreakDbContext db, Guid projectId,
        Func<int, Incident> create, Func<Incident, Task>? alsoAdd, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = 1 + (await db.Incidents.Where(i => i.ProjectId == projectId).MaxAsync(i => (int?)i.Number, ct) ?? 0);
            var incident = create(number);
            db.Incidents.Add(incident);
            if (alsoAdd is not null) await alsoAdd(incident);
            try
            {
                await db.SaveChangesAsync(ct);
                return incident;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear(); // another incident took this number; take the next
            }
        }
    }
}
