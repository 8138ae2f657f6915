using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// An instance administrator redacts a reporter's contact on their request: a form with the reason and a confirmation
/// box (no script), after a recent sign-in. Refusals (no reason, nothing to redact) come back to the form.
/// </summary>
[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class RedactReporterPageModel(ProjectAccess access, RedactReporter redact) : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public Incident Incident { get; private set; } = null!;
    public bool AlreadyRedacted => Incident.Reporter?.Contact == Incident.RedactedContact;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (!Confirm) throw new DomainException("confirm: tick the box to say the reporter asked for this.");
        var held = await redact.ExecuteAsync(Incident, Reason, ct);
        TempData["Flash"] = $"The reporter's contact is redacted (and on {held} held report(s)).";
        return RedirectToPage("/Incidents/Show", new { id = Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return false;
        Incident = incident;
        return true;
    }
}
