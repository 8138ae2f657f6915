using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Features.Disclosure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Incidents;

[RequiresPermission(Permission.SignedIn)]
internal sealed class DashboardModel(IncidentQueries queries, ReviewQueue reviews, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Incident Incident, string Slug)> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>Advisories the viewer is asked to review and may approve.</summary>
    public IReadOnlyList<WaitingReview> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.OpenAcrossProjectsAsync(ct);
        Reviews = await reviews.WaitingForMeAsync(ct);
    }
}
