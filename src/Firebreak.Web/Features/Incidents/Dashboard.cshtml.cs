using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Features.Risks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Incidents;

[RequiresPermission(Permission.SignedIn)]
internal sealed class DashboardModel(IncidentQueries queries, RiskSummaries risks, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Incident Incident, string Slug)> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>Accepted risks past their date in the viewer's projects: each asks for review.</summary>
    public IReadOnlyList<RiskBrief> ReviewDue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.OpenAcrossProjectsAsync(ct);
        ReviewDue = await risks.DueForReviewAsync(ct);
    }
}
