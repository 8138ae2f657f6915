using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Features.Risks;
using Firebreak.Web.Features.Disclosure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

[RequiresPermission(Permission.SignedIn)]
internal sealed class DashboardModel(IncidentQueries queries, ProjectAccess access, FirebreakDbContext db, CurrentUser user, RiskSummaries risks, ReviewQueue reviews,
    Notifications.Inbox inbox, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Incident Incident, string Slug)> Rows { get; private set; } = [];

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

    /// <summary>The projects the viewer sees (a collaborator on one incident does not see its project's page).</summary>
    public IReadOnlySet<string> VisibleProjects { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        UnreadCount = await inbox.UnreadAsync(ct);
        VisibleProjects = (await access.VisibleProjects().Select(p => p.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        Unread = UnreadCount == 0 ? [] : await inbox.ListAsync(unreadOnly: true, page: 1, ct);
        Rows = await queries.OpenAcrossProjectsAsync(ct);
        var me = user.Id;
        var visible = access.VisibleIncidents().Select(i => i.Id);
        var mine = await db.Set<ActionItem>().Where(a => a.OwnerId == me && a.Status == ActionItemStatus.Open && visible.Contains(a.IncidentId)).ToListAsync(ct);
        var ids = mine.Select(a => a.IncidentId).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => ids.Contains(i.Id))
            .Join(db.Projects, i => i.ProjectId, p => p.Id, (i, p) => new { i.Id, i.Number, p.Slug }).ToDictionaryAsync(x => x.Id, ct);
        MyFollowUps = [.. mine.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Select(a => (a, incidents[a.IncidentId].Number, incidents[a.IncidentId].Slug))];
        ReviewDue = await risks.DueForReviewAsync(ct);
        Reviews = await reviews.WaitingForMeAsync(ct);
    }
}
