using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.PostMortems;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Incidents.Closing;

/// <summary>
/// The close page: every unfinished item with its choices (a step done or skipped, the post-mortem waived, an action
/// item done or deferred), each with its reason; a decision missing comes back next to its item, with everything typed
/// kept. A closed incident shows when it closed and offers to reopen it with a reason. Rejecting closes directly.
/// </summary>
[RequiresPermission(Permission.IncidentRead)]
internal sealed class ClosePageModel(ProjectAccess access, FirebreakDbContext db, CloseIncident close, ReopenIncident reopen, PlaybookLibrary library,
    FollowUpsAtClose followUps) : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Dictionary<string, ClosingChoice?> Steps { get; set; } = [];
    [BindProperty] public ClosingChoice? PostMortem { get; set; } = new();
    [BindProperty] public Dictionary<string, ClosingChoice?> Items { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? SkipRemaining { get; set; }

    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;

    /// <summary>Whether the viewer sees the project's own pages (a collaborator on this one incident does not).</summary>
    public bool ProjectVisible { get; private set; }
    public ClosingChecklist? List { get; private set; }
    public bool CanClose { get; private set; }

    /// <summary>The problem with one item after a refused close (keyed like the API's errors), or null.</summary>
    public string? ProblemWith(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(Permission.IncidentTriage)]
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        var errors = await close.ExecuteAsync(incident, new CloseIncidentRequest(Version, null, null, null,
            Chosen(Steps), PostMortem?.ToDecision(), Chosen(Items), Note, SkipRemaining), ct);
        if (errors.Count == 0)
        {
            TempData["Flash"] = $"Incident #{incident.Number} closed.";
            return RedirectToPage("/Incidents/Show", new { id = Id });
        }
        foreach (var (key, messages) in errors) ModelState.AddModelError(key, messages[0]);
        return await ReloadAsync(ct) ? Page() : NotFound();
    }

    [RequiresPermission(Permission.IncidentTriage)]
    public async Task<IActionResult> OnPostRejectAsync(string? reason, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        await close.ExecuteAsync(incident, new CloseIncidentRequest(Version, "rejected", reason, null, null, null, null, null), ct);
        TempData["Flash"] = $"Incident #{incident.Number} rejected.";
        return RedirectToPage("/Incidents/Show", new { id = Id });
    }

    [RequiresPermission(Permission.IncidentTriage)]
    public async Task<IActionResult> OnPostReopenAsync(string? reason, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        await reopen.ExecuteAsync(incident, new ReopenIncidentRequest(reason), ct);
        TempData["Flash"] = $"Incident #{incident.Number} reopened.";
        return RedirectToPage("/Incidents/Show", new { id = Id });
    }

    /// <summary>
    /// The items with something chosen or typed. With none posted, MVC binds a dictionary from the whole form (every field
    /// a key with empty values): those, like an item left blank, are absent decisions.
    /// </summary>
    private static Dictionary<string, ClosingDecision?> Chosen(Dictionary<string, ClosingChoice?> choices) =>
        choices.Where(p => p.Key is not ("PostMortem" or "Note" or "Version" or "Steps" or "Items" or "SkipRemaining" or "__RequestVerificationToken")
            && p.Value is { Outcome.Length: > 0 } or { Reason.Length: > 0 }).ToDictionary(p => p.Key, p => (ClosingDecision?)p.Value!.ToDecision());

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException("Incident without project.");
        ProjectVisible = await access.CheckProjectAsync(Project.Slug, Permission.ProjectRead, ct) == AccessDecision.Allowed;
        List = incident.IsClosed ? null : await ClosingChecklist.ForAsync(incident, library, followUps, ct);
        CanClose = await access.HasAsync(incident, Permission.IncidentTriage, ct);
        // A refused close keeps what was typed, but is checked against the version shown now.
        Version = incident.Version;
        return true;
    }
}

/// <summary>One item's choice on the close form: the outcome picked and the reason typed.</summary>
internal sealed class ClosingChoice
{
    public string? Outcome { get; set; }
    public string? Reason { get; set; }

    public ClosingDecision ToDecision() => new(Outcome, Reason);
}
