using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

/// <summary>Reads incidents for the API and the pages, through the visibility check.</summary>
internal sealed class IncidentQueries(ProjectAccess access, FirebreakDbContext db, TimeProvider time, PlaybookLibrary library)
{
    /// <summary>The incidents with the project's slug as the API shows them (by number), one page of them.</summary>
    public async Task<IncidentPage<IncidentJson>> ListAsync(Project project, IncidentFilter filter, CancellationToken ct)
    {
        var page = await SearchAsync(project, filter, newestFirst: false, ct);
        var now = time.GetUtcNow();
        return new([.. page.Items.Select(i => IncidentJson.From(i, project.Slug, library.Catalog, now))], page.Total, page.Page, page.PageSize);
    }

    /// <summary>
    /// Filters by the unsealed columns and by breached clocks (the stored <see cref="Incident.BreachAt"/>) in SQL, counts
    /// in SQL and loads only the page. A text search (a case-insensitive substring of the title, the summary, a CVE, GHSA
    /// or other alias, an identifier in the details, or the number, <c>#12</c> or <c>12</c>) must read the sealed title and
    /// summary, so it walks the filtered incidents in order, <see cref="SearchChunk"/> at a time by number, keeping only
    /// the page's matches: its time grows with the project's incidents, its memory does not.
    /// </summary>
    public async Task<IncidentPage<Incident>> SearchAsync(Project project, IncidentFilter filter, bool newestFirst, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(filter);
        var ended = new[] { IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate };
        var query = access.VisibleIncidents().Where(i => i.ProjectId == project.Id);
        query = filter.State switch
        {
            IncidentState.Open => query.Where(i => !ended.Contains(i.Stage)),
            IncidentState.Closed => query.Where(i => ended.Contains(i.Stage)),
            IncidentState.All => query,
        };
        if (filter.Stage is { } stage) query = query.Where(i => i.Stage == stage);
        if (filter.Severity is { } severity) query = query.Where(i => i.Severity == severity);
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        var at = time.GetUtcNow().UtcDateTime;
        if (filter.Breached is { } b)
            query = b ? query.Where(i => i.BreachAt != null && i.BreachAt <= at) : query.Where(i => i.BreachAt == null || i.BreachAt > at);
        var skip = (int)Math.Min(int.MaxValue, (long)(filter.Page - 1) * filter.PageSize);
        IQueryable<Incident> InOrder(IQueryable<Incident> q) => newestFirst ? q.OrderByDescending(i => i.Number) : q.OrderBy(i => i.Number);
        if (filter.Query is not { } text)
        {
            var total = await query.CountAsync(ct);
            var items = total <= skip ? [] : await InOrder(query).Skip(skip).Take(filter.PageSize).AsNoTracking().ToListAsync(ct);
            return new(items, total, filter.Page, filter.PageSize);
        }
        var found = 0;
        var page = new List<Incident>();
        int? last = null;
        while (true)
        {
            var rest = last is not { } l ? query : newestFirst ? query.Where(i => i.Number < l) : query.Where(i => i.Number > l);
            var chunk = await InOrder(rest).Take(SearchChunk).AsNoTracking().ToListAsync(ct);
            if (chunk.Count == 0) break;
            last = chunk[^1].Number;
            var ids = chunk.Select(i => i.Id).ToList();
            var aliases = (await db.Set<IncidentAlias>().Where(a => a.ProjectId == project.Id && ids.Contains(a.IncidentId)).Select(a => new { a.IncidentId, a.Alias }).ToListAsync(ct))
                .ToLookup(a => a.IncidentId, a => a.Alias);
            foreach (var incident in chunk.Where(i => Matches(i, aliases[i.Id], text)))
            {
                if (found >= skip && page.Count < filter.PageSize) page.Add(incident);
                found++;
            }
            if (chunk.Count < SearchChunk) break;
        }
        return new(page, found, filter.Page, filter.PageSize);
    }

    /// <summary>How many incidents a text search reads at a time.</summary>
    internal const int SearchChunk = 500;

    private static bool Matches(Incident incident, IEnumerable<string> aliases, string text)
    {
        static bool In(string? field, string text) => field?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
        var number = text.TrimStart('#');
        return In(incident.Title, text) || In(incident.Summary, text) || aliases.Any(a => In(a, text)) || incident.Details.Identifiers.Any(d => In(d, text))
            || (number.Length > 0 && number.All(char.IsAsciiDigit) && number == incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IncidentJson?> GetAsync(Guid id, CancellationToken ct)
    {
        var incident = await access.FindIncidentAsync(id, withTimeline: false, ct);
        if (incident is null) return null;
        // A collaborator sees the incident but not the rest of its project; the project's slug is no secret to them.
        var slug = await db.Projects.Where(p => p.Id == incident.ProjectId).Select(p => p.Slug).SingleAsync(ct);
        return IncidentJson.From(incident, slug, library.Catalog, time.GetUtcNow());
    }
}
