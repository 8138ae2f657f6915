using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// A new register entry; from an incident (<c>?incident=ID</c>), "add to risk register" in one step: a new entry
/// naming the incident (its title offered), or an existing entry that then names it too.
/// </summary>
[RequiresPermission(Permission.ProjectWork)]
internal sealed class NewRiskModel(ProjectAccess access, RiskQueries queries, RecordRisk record, RecordRiskFromIncident fromIncident) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public Guid? Incident { get; set; }
    [BindProperty] public RiskForm Risk { get; set; } = new();
    [BindProperty] public string? Existing { get; set; }

    public Project Project { get; private set; } = null!;
    public Incident? From { get; private set; }
    public IReadOnlyList<RiskEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (From is { } incident) Risk = new RiskForm { Title = incident.Title, Incidents = $"#{incident.Number}" };
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var input = Risk.ToInput();
        var entry = From is { } incident
            ? await fromIncident.ExecuteAsync(Project, incident, null, input, ct)
            : await record.ExecuteAsync(Project, input, ct);
        TempData["Flash"] = $"{entry.Code} entered in the register.";
        return RedirectToPage("/Risks/Entry", new { slug = Slug, riskId = entry.Code.ToString() });
    }

    /// <summary>From an incident: the chosen entry names the incident too (its other fields unchanged).</summary>
    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (From is not { } incident) throw new Domain.Common.DomainException("incident: choose the incident to link from its page.");
        var entry = await fromIncident.ExecuteAsync(Project, incident, Existing ?? throw new Domain.Common.DomainException("risk: choose an entry."), new RiskInput(), ct);
        TempData["Flash"] = $"{entry.Code} now names incident #{incident.Number}.";
        return RedirectToPage("/Risks/Entry", new { slug = Slug, riskId = entry.Code.ToString() });
    }

    /// <summary>An incident id that names no incident of this project (or none the viewer sees) is a 404, never a silent new entry without it.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        if (Incident is { } id)
        {
            From = await access.VisibleIncidents().SingleOrDefaultAsync(i => i.Id == id && i.ProjectId == project.Id, ct);
            if (From is null) return false;
        }
        Entries = await queries.AllAsync(project, ct);
        return true;
    }
}
