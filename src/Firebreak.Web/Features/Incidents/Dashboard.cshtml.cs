using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Domain.Incidents;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Incidents;

[RequiresPermission(Permission.SignedIn)]
internal sealed class DashboardModel(IncidentQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Incident Incident, string Slug)> Rows { get; private set; } = [];
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.OpenAcrossProjectsAsync(ct);
}
