using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Features.Risks;
using Firebreak.Web.Features.Watch;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

/// <summary>
/// A project's home: its open incidents (the <see cref="Shown"/> nearest deadlines, and how many there are), the ten closed most recently, its public advisories, its
/// open follow-ups, a summary of its risk register and its watched dependencies, each with the link to where the rest is.
/// Nothing a project has done disappears from here: the rest stay one link away (the paged list, state=open or closed).
/// Each part is read in SQL as one bounded page and a count, so the page costs the same at 100 incidents as at 100,000.
/// </summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class ProjectHomeModel(ProjectAccess access, FirebreakDbContext db, PublicAdvisories advisories, RiskSummaries risks, WatchSummary watch,
    TimeProvider time) : PageModel
{
    private const int RecentlyClosed = 10;

    /// <summary>How many open incidents and open follow-ups the home shows (nearest deadline first); the rest are on the list pages.</summary>
    public const int Shown = 20;

    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<Incident> Open { get; private set; } = [];
    public int OpenTotal { get; private set; }
    public int FollowUpsTotal { get; private set; }
    public IReadOnlyList<Incident> Closed { get; private set; } = [];
    public int ClosedTotal { get; private set; }
    public IReadOnlyList<PublicAdvisory> Advisories => LatestAdvisories.Items;

    /// <summary>The latest published advisories (the rest are on the public advisory list, paged), and how many there are.</summary>
    public Paged<PublicAdvisory> LatestAdvisories { get; private set; } = new([], 0, 1, AdvisoriesShown);

    /// <summary>How many advisories the home page shows: a side column, not the list.</summary>
    public const int AdvisoriesShown = 10;
    public IReadOnlyList<(ActionItem Item, int Number, string Owner)> FollowUps { get; private set; } = [];
    public RegisterSummary Register { get; private set; } = null!;
    public WatchCounts Watched { get; private set; } = null!;
    public bool IsProjectAdmin { get; private set; }
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        Project = project;
        var ended = new[] { IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate };
        var incidents = access.VisibleIncidents().Where(i => i.ProjectId == project.Id);
        var open = incidents.Where(i => !ended.Contains(i.Stage));
        OpenTotal = await open.CountAsync(ct);
        Open = [.. (await open.OrderBy(i => i.NextDueAt).ThenBy(i => i.Number).Take(Shown).AsNoTracking().ToListAsync(ct))
            .OrderBy(i => i.NextDueAt).ThenBy(i => i.Severity).ThenBy(i => i.Number)];
        var closed = incidents.Where(i => ended.Contains(i.Stage));
        ClosedTotal = await closed.CountAsync(ct);
        Closed = await closed.OrderByDescending(i => i.ClosedAt).ThenByDescending(i => i.Number).Take(RecentlyClosed).AsNoTracking().ToListAsync(ct);
        LatestAdvisories = await advisories.PageAsync(project.Id, new Paging(1, AdvisoriesShown), ct);
        var openItems = db.Set<ActionItem>().Where(a => a.ProjectId == project.Id && a.Status == ActionItemStatus.Open);
        FollowUpsTotal = await openItems.CountAsync(ct);
        var items = await openItems.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(Shown).AsNoTracking().ToListAsync(ct);
        var ids = items.Select(a => a.IncidentId).Distinct().ToList();
        var numbers = await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        var owners = items.Select(a => a.OwnerId).Distinct().ToList();
        var emails = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        FollowUps = [.. items.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Select(a => (a, numbers[a.IncidentId], emails.GetValueOrDefault(a.OwnerId, a.OwnerId)))];
        Register = await risks.ForProjectAsync(project.Id, ct);
        Watched = await watch.ForProjectAsync(project.Id, ct);
        IsProjectAdmin = await access.CheckProjectAsync(Slug, Permission.ProjectAdmin, ct) == AccessDecision.Allowed;
        return Page();
    }
}
