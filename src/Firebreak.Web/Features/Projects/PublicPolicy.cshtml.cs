using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

/// <summary>
/// <c>/p/{slug}/policy</c>: the project's vulnerability disclosure policy as reporters read it, generated from its
/// security policy (deadlines per severity, the user-safety rule, the fix and disclosure windows, credit); security.txt's
/// Policy field points here; with the policy's opt-in, the measured median acknowledgement and fix times of the last twelve
/// months (medians only: nothing about any one incident). Deliberately anonymous; it holds nothing embargoed.
/// </summary>
[AllowAnonymous]
internal sealed class PublicPolicyModel(FirebreakDbContext db, Metrics.MetricsQueries metrics) : PageModel
{
    public Project Project { get; private set; } = null!;

    /// <summary>The measured median acknowledgement and fix times of the last twelve months, when the project publishes them.</summary>
    public (TimeSpan? Acknowledgement, TimeSpan? Fix, int Incidents)? Measured { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct) is not { } project) return NotFound();
        Project = project;
        if (project.Policy.PublishResponseTimes) Measured = await metrics.PublicTimesAsync(project.Id, ct);
        return Page();
    }
}
