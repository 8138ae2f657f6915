using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>Which entries to list: by status, by STRIDE category, only those asking for review.</summary>
internal sealed record RiskFilter(RiskStatus? Status = null, StrideCategory? Category = null, bool ReviewDue = false);

/// <summary>Reads a project's register (the caller has checked the project is visible).</summary>
internal sealed class RiskQueries(FirebreakDbContext db, TimeProvider time)
{
    /// <summary>The entries that pass the filter, highest rating first, then by number. Filters run in SQL.</summary>
    public Task<List<RiskEntry>> ListAsync(Project project, RiskFilter filter, CancellationToken ct) =>
        Filtered(project, filter).ToListAsync(ct);

    /// <summary>One page of the entries that pass the filter, in the same order, and how many pass it (counted in SQL).</summary>
    public Task<Paged<RiskEntry>> PageAsync(Project project, RiskFilter filter, Paging paging, CancellationToken ct) =>
        Filtered(project, filter).AsNoTracking().ToPagedAsync(paging, ct);

    private IQueryable<RiskEntry> Filtered(Project project, RiskFilter filter)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<RiskEntry>().Where(r => r.ProjectId == project.Id);
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        if (filter.Category is { } category)
        {
            var bit = category.Bit();
            query = query.Where(r => (r.CategoryMask & bit) != 0);
        }
        if (filter.ReviewDue)
        {
            // Review is due from the day after the acceptance date (UTC): a date before today's.
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            query = query.Where(r => r.Status == RiskStatus.Accepted && r.AcceptedUntil < today);
        }
        return query.OrderByDescending(r => r.Rating).ThenBy(r => r.Number);
    }

    /// <summary>Every entry, by number (exports).</summary>
    public Task<List<RiskEntry>> AllAsync(Project project, CancellationToken ct) =>
        db.Set<RiskEntry>().Where(r => r.ProjectId == project.Id).OrderBy(r => r.Number).ToListAsync(ct);

    /// <summary>One entry by its id text (<c>RISK-003</c>), or null when the text names none.</summary>
    public async Task<RiskEntry?> FindAsync(Project project, string? riskId, CancellationToken ct) =>
        RiskId.TryParse(riskId, out var id, out _)
            ? await db.Set<RiskEntry>().SingleOrDefaultAsync(r => r.ProjectId == project.Id && r.Number == id.Number, ct)
            : null;

    /// <summary>The register's counts, in SQL (no sealed column is read).</summary>
    public async Task<RegisterSummary> CountsAsync(Guid projectId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await db.Set<RiskEntry>().Where(r => r.ProjectId == projectId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Due = g.Count(r => r.AcceptedUntil < today), High = g.Count(r => r.Rating >= 10) })
            .ToListAsync(ct);
        int Of(RiskStatus s) => rows.Where(r => r.Status == s).Sum(r => r.Count);
        return new(rows.Sum(r => r.Count), Of(RiskStatus.Open), Of(RiskStatus.Mitigated), Of(RiskStatus.Accepted), Of(RiskStatus.Transferred),
            rows.Where(r => r.Status == RiskStatus.Accepted).Sum(r => r.Due), rows.Where(r => r.Status is RiskStatus.Open or RiskStatus.Accepted).Sum(r => r.High));
    }

    /// <summary>The entry's history: its audit records, oldest first.</summary>
    public Task<List<AuditRecord>> HistoryAsync(RiskEntry entry, CancellationToken ct)
    {
        var subject = RiskRecords.Subject(entry);
        return db.Set<AuditRecord>().Where(a => a.Action == RiskRecords.Action && a.Subject == subject).OrderBy(a => a.Sequence).ToListAsync(ct);
    }
}
