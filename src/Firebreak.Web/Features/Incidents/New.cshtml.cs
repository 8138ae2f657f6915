using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Incidents;

[RequiresPermission(Permission.IncidentOpen)]
internal sealed class NewIncidentModel(ProjectAccess access, OpenIncident open, PlaybookLibrary library, CurrentUser user) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public IReadOnlyList<PlaybookDefinition> Playbooks => library.Catalog.All;
    [BindProperty] public string? Playbook { get; set; }
    public Project Project { get; private set; } = null!;
    [BindProperty] public string? Kind { get; set; } = "vulnerability-report";
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Severity { get; set; } = "medium";
    [BindProperty] public string? UserSafetyClass { get; set; }
    [BindProperty] public string? ReporterContact { get; set; }
    [BindProperty] public string? ReporterCredit { get; set; } = "anonymous";
    [BindProperty] public string? ReporterCreditName { get; set; }
    [BindProperty] public bool ReporterConsent { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var hasReporter = !string.IsNullOrWhiteSpace(ReporterContact) || !string.IsNullOrWhiteSpace(ReporterCreditName);
        var request = new OpenIncidentRequest(Kind, Title, Summary, Severity, UserSafetyClass,
            hasReporter ? new ReporterJson(ReporterContact, ReporterCredit ?? "anonymous", ReporterCreditName, ReporterConsent) : null,
            null, Playbook);
        var incident = await open.ExecuteAsync(Project, request.ToOpening(library.Catalog, user.Name, Domain.Incidents.IncidentSource.Form), ct);
        return RedirectToPage("/Incidents/Show", new { id = incident.Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        return true;
    }
}
