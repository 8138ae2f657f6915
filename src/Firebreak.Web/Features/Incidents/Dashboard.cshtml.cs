using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Features.Risks;
using Firebreak.Web.Features.Disclosure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// The dashboard: one page of the open incidents the viewer may see, nearest deadline first, with counts per stage, severity
/// and clock state over all of them; filters by project, severity, kind and "mine" are a GET form (no script needed) and the
/// paging links keep them. Invalid values answer 400 with the form and the parameter named.
/// </summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class DashboardModel(DashboardQueries dashboard, ProjectAccess access, FirebreakDbContext db, CurrentUser user, RiskSummaries risks, ReviewQueue reviews,
    Notifications.Inbox inbox, TimeProvider time) : PageModel
{
    [FromQuery(Name = "project")] public string? ProjectFilter { get; set; }
    [FromQuery(Name = "severity")] public string? SeverityFilter { get; set; }
    [FromQuery(Name = "kind")] public string? KindFilter { get; set; }
    [FromQuery(Name = "mine")] public string? MineFilter { get; set; }
    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public DashboardFilter Filter { get; private set; } = new(null, null, null, false);
    public DashboardPage Result { get; private set; } = new([], [], 0, 0, 1, DashboardFilter.DefaultPageSize);

    /// <summary>The open action items the viewer owns, on incidents they can still see, soonest due first.</summary>
    public IReadOnlyList<(ActionItem Item, int Number, string Slug)> MyFollowUps { get; private set; } = [];
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>Accepted risks past their date in the viewer's projects: each asks for review.</summary>
    public IReadOnlyList<RiskBrief> ReviewDue { get; private set; } = [];
    /// <summary>Advisories the viewer is asked to review and may approve.</summary>
    public IReadOnlyList<WaitingReview> Reviews { get; private set; } = [];

    /// <summary>The viewer's unread notices (the newest few) and how many there are.</summary>
    public IReadOnlyList<Notifications.InboxEntry> Unread { get; private set; } = [];
    public int UnreadCount { get; private set; }

    /// <summary>The projects the viewer sees, by slug (a collaborator on one incident does not see its project's page).</summary>
    public IReadOnlyList<string> VisibleProjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        UnreadCount = await inbox.UnreadAsync(ct);
        VisibleProjects = await access.VisibleProjects().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(ct);
        Unread = UnreadCount == 0 ? [] : await inbox.ListAsync(unreadOnly: true, page: 1, ct);
        var (filter, errors) = DashboardFilter.Parse(ProjectFilter, SeverityFilter, KindFilter, MineFilter, PageNumber, PageSize);
        Filter = filter;
        if (errors.Count == 0 && await dashboard.PageAsync(filter, Now, ct) is { } page) Result = page;
        else if (errors.Count == 0) errors["project"] = $"'{filter.Project}' is not a project you can see.";
        await LoadSidebarsAsync(ct);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError(key, $"{key}: {message}");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private async Task LoadSidebarsAsync(CancellationToken ct)
    {
        var me = user.Id;
        var visible = access.VisibleIncidents().Select(i => i.Id);
        var mine = await db.Set<ActionItem>().Where(a => a.OwnerId == me && a.Status == ActionItemStatus.Open && visible.Contains(a.IncidentId))
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(MaxFollowUps).AsNoTracking().ToListAsync(ct);
        var ids = mine.Select(a => a.IncidentId).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => ids.Contains(i.Id))
            .Join(db.Projects, i => i.ProjectId, p => p.Id, (i, p) => new { i.Id, i.Number, p.Slug }).ToDictionaryAsync(x => x.Id, ct);
        MyFollowUps = [.. mine.Select(a => (a, incidents[a.IncidentId].Number, incidents[a.IncidentId].Slug))];
        ReviewDue = await risks.DueForReviewAsync(ct);
        Reviews = await reviews.WaitingForMeAsync(ct);
    }

    /// <summary>How many of the viewer's action items the dashboard lists (the soonest due); the rest are on the incidents' pages.</summary>
    public const int MaxFollowUps = 20;
}
