using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Features.Risks;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// The incident page: clocks, checklist, timeline, triage. Every form posts back here and
/// redirects (post/redirect/get); a broken rule is shown at the top of the page.
/// </summary>
[RequiresPermission(Permission.IncidentRead)]
internal sealed class ShowIncidentModel(ProjectAccess access, FirebreakDbContext db, ChangeIncident change, WorkStep work,
    PlaybookLibrary library, MarkdownRenderer markdown, TimeProvider time, AuditTrail audit, CurrentUser user, RecordRelease release, ViewerTime viewerTime, RiskSummaries risks,
    Audience audience)
    : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;

    /// <summary>Whether the viewer may open the project's pages: a collaborator invited to this incident alone may not, so gets no link there.</summary>
    public bool ProjectVisible { get; private set; }

    /// <summary>Whether the viewer may record a fix release (the Publish permission); others see the releases only.</summary>
    public bool CanRecordRelease { get; private set; }

    /// <summary>The incident's action items with their owners' e-mail, in the order they were added.</summary>
    public IReadOnlyList<(ActionItem Item, string Owner)> FollowUps { get; private set; } = [];
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>The register entries naming this incident (empty when the viewer cannot see the project's register).</summary>
    public IReadOnlyList<RiskBrief> Risks { get; private set; } = [];

    /// <summary>Whether the viewer may add the incident to the project's risk register (ProjectWork).</summary>
    public bool CanAddRisk { get; private set; }

    /// <summary>Who may download the record (IncidentWork, as the archive API) and who may redact the reporter's contact (instance administrators).</summary>
    public bool CanDownloadRecord { get; private set; }
    public bool CanRedactReporter { get; private set; }
    /// <summary>The people a role can be given to on this incident: the project's members and the incident's collaborators.</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>Who each of the project's roles, and each role the incident's playbooks name, falls to for this incident.</summary>
    public IReadOnlyDictionary<Role, IReadOnlyList<Person>> Holders { get; private set; } = new Dictionary<Role, IReadOnlyList<Person>>();

    /// <summary>Who a role falls to, for a step's line: their addresses, or a note that nobody holds it.</summary>
    public string HolderText(Role role) =>
        Holders.GetValueOrDefault(role) is { Count: > 0 } people ? string.Join(", ", people.Select(p => p.Email ?? p.UserId)) : "nobody holds it yet";

    public MarkdownRenderer Markdown => markdown;
    public PlaybookCatalog Catalog => library.Catalog;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await audit.RecordReadAsync(user.Name, "incident-read", $"incident {Id}", "read the incident page", ct);
        return Page();
    }

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostTriageAsync(string? severity, string? userSafetyClass, CancellationToken ct) =>
        Change(new PatchIncidentRequest(severity, userSafetyClass ?? "", null, null, null, null, null, null, null, null), ct);

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostStageAsync(string? stage, string? reason, CancellationToken ct) =>
        Change(new PatchIncidentRequest(null, null, stage, reason, null, null, null, null, null, null), ct);

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostAssignAsync(Dictionary<string, string?> roles, CancellationToken ct) =>
        Change(new PatchIncidentRequest(null, null, null, null, null, roles, null, null, null, null), ct);

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostNoteAsync(string? note, CancellationToken ct) =>
        Change(new PatchIncidentRequest(null, null, null, null, null, null, null, null, null, note ?? ""), ct);

    /// <summary>Saves the calculator's metrics as the incident's vectors (Not Defined values left out).</summary>
    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostCvssAsync(Dictionary<string, string> v3, Dictionary<string, string> v4, CancellationToken ct) =>
        Run(incident =>
        {
            var d = incident.Details;
            var details = new DetailsDocument(Compose("CVSS:3.1/", CvssCatalog.V3, v3), Compose("CVSS:4.0/", CvssCatalog.V4, v4),
                [.. d.Cwes], d.AffectedVersions, d.PatchedVersions, [.. d.Identifiers]);
            return change.ExecuteAsync(incident, new PatchIncidentRequest(null, null, null, null, null, null, details, null, null, null), ct);
        }, ct);

    /// <summary>Live score for the calculator's script: the vector built from the form, scored.</summary>
    public async Task<IActionResult> OnPostCvssScoreAsync(string? vector, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is null) return NotFound();
        var r = CvssScorer.Score(vector);
        return new JsonResult(new
        {
            valid = r.IsValid,
            error = r.Error?.Message,
            vector = r.Canonical,
            score = r.Score?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            severity = r.IsValid ? r.Severity.ToString() : null,
            nomenclature = r.Nomenclature,
        });
    }

    private static string? Compose(string prefix, IReadOnlyList<CvssMetric> metrics, Dictionary<string, string> chosen)
    {
        var parts = metrics.Where(m => chosen.TryGetValue(m.Abbreviation, out var v) && !string.IsNullOrEmpty(v) && v != "X")
            .Select(m => $"{m.Abbreviation}:{chosen[m.Abbreviation]}").ToList();
        return parts.Count == 0 ? null : prefix + string.Join('/', parts);
    }

    [RequiresPermission(Permission.IncidentWork)]
    // Dictionaries are bound from their own prefix only: without an explicit name, a form with no evidence[...] field would
    // make the binder fall back to the whole form (stepId, action, option, the antiforgery token) as "evidence".
    public Task<IActionResult> OnPostStepAsync(string stepId, string action, [FromForm(Name = "evidence")] Dictionary<string, string> evidence,
        string? reason, string? option, CancellationToken ct) =>
        Run(async incident =>
        {
            var kind = WireNames.Parse<StepAction>(action, "step action");
            var filled = evidence.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
            var transition = await work.ExecuteAsync(incident, stepId, kind, new StepRequest(filled, reason, option), ct);
            TempData["Flash"] = transition.Summary;
        }, ct);

    /// <summary>
    /// Records a fix release from the form: versions separated by commas, spaces or lines; the instant in the viewer's
    /// zone (blank: now).
    /// </summary>
    [RequiresPermission(Permission.Publish)]
    public Task<IActionResult> OnPostReleaseAsync(string? versions, string? releasedAt, string? url, string? provenanceUrl, CancellationToken ct) =>
        Run(async incident =>
        {
            var list = (versions ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var recorded = await release.ExecuteAsync(incident, new ReleaseRequest(list, viewerTime.Parse(releasedAt, "releasedAt"), url, provenanceUrl), ct);
            TempData["Flash"] = $"Release {string.Join(", ", recorded.Versions)} recorded.";
        }, ct);

    private Task<IActionResult> Change(PatchIncidentRequest patch, CancellationToken ct) =>
        Run(incident => change.ExecuteAsync(incident, patch, ct), ct);

    private async Task<IActionResult> Run(Func<Incident, Task> action, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        await action(incident);
        return RedirectToPage(new { id = Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: true, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException("Incident without project.");
        ProjectVisible = await access.CheckProjectAsync(Project.Slug, Permission.ProjectRead, ct) == AccessDecision.Allowed;
        CanRecordRelease = await access.HasAsync(incident, Permission.Publish, ct);
        CanDownloadRecord = await access.HasAsync(incident, Permission.IncidentWork, ct);
        CanRedactReporter = user.IsAdmin && incident.Reporter is { Contact: { } contact } && contact != Incident.RedactedContact;
        var items = await db.Set<ActionItem>().Where(a => a.IncidentId == incident.Id).ToListAsync(ct);
        var owners = items.Select(a => a.OwnerId).Distinct().ToList();
        var emails = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        FollowUps = [.. items.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => (a, emails.GetValueOrDefault(a.OwnerId, a.OwnerId)))];
        Risks = ProjectVisible ? await risks.ForIncidentAsync(incident.Id, ct) : [];
        CanAddRisk = await access.CheckProjectAsync(Project.Slug, Permission.ProjectWork, ct) == AccessDecision.Allowed;
        var roster = await audience.RosterAsync(Project.Id, incident.Id, ct);
        People = roster.Assignable;
        var stepRoles = incident.Runs.SelectMany(r => library.Catalog.Find(r.PlaybookId)?.Steps ?? []).Select(s => s.Role);
        Holders = roster.HoldersByRole(Project, incident, Project.Policy.Roles.Concat(stepRoles));
        return true;
    }
}
