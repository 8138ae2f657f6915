using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Risks;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// The post-mortem page: each section written in Markdown with a preview (a post that saves nothing), the timeline
/// assembled from the incident to hide, annotate or add to, the board's sign-off, the exports and the action items.
/// The form carries the version it was loaded at: a save over someone else's newer one is refused and shows their text
/// next to the viewer's, which is kept.
/// </summary>
[RequiresPermission(Permission.IncidentRead)]
internal sealed class PostMortemPageModel(ProjectAccess access, FirebreakDbContext db, PostMortemTimeline timeline, ActionItemQueries queries,
    SavePostMortem save, SignOffPostMortem signOff, AddActionItem addItem, ChangeActionItem changeItem, MarkdownRenderer markdown,
    ViewerTime viewerTime, AuditTrail audit, CurrentUser user, TimeProvider time, RecordRiskFromIncident recordRisk) : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public Dictionary<string, string?> Sections { get; set; } = [];
    [BindProperty] public string? RegressionTestUrl { get; set; }
    [BindProperty] public List<string> Hidden { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Annotations { get; set; } = [];
    [BindProperty] public List<string?> OutsideAt { get; set; } = [];
    [BindProperty] public List<string?> OutsideText { get; set; } = [];

    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public PostMortem PostMortem { get; private set; } = null!;
    public IReadOnlyList<PostMortemEvent> Events { get; private set; } = [];
    public IReadOnlyList<ActionItemJson> Items { get; private set; } = [];
    public IReadOnlyList<string> Members { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanSignOff { get; private set; }

    /// <summary>Whether the viewer may keep the project's risk register (ProjectWork): the "update the register" form is theirs.</summary>
    public bool CanUpdateRegister { get; private set; }

    /// <summary>The "update the register" form, prefilled from the incident's title and the post-mortem's root cause.</summary>
    [BindProperty] public RegisterUpdateForm Register { get; set; } = new();

    /// <summary>The content of a preview post, rendered under each section.</summary>
    public PostMortemContent? Preview { get; private set; }

    /// <summary>True when the viewer's save was refused because someone saved a newer version: their text is shown too.</summary>
    public bool Conflicted { get; private set; }

    public DateTimeOffset Now { get; } = time.GetUtcNow();
    public MarkdownRenderer Markdown => markdown;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    /// <summary>The post-mortem as a file: Markdown to commit, or JSON; audited like the API's export.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var chosen = WireNames.Parse<ExportFormat>(format, "format");
        if (!await ReloadAsync(ct)) return NotFound();
        await audit.RecordNowAsync(user.Name, "postmortem-export", $"incident {Id}", $"exported post-mortem version {PostMortem.Version} as {chosen.ToWire()}", ct);
        var (text, type, extension) = chosen switch
        {
            ExportFormat.Markdown => (PostMortemExport.Markdown(Project, Incident, PostMortem, Events, Items), "text/markdown; charset=utf-8", "md"),
            ExportFormat.Json => (PostMortemExport.ToJson(Project, Incident, PostMortem, Events, Items), "application/json; charset=utf-8", "json"),
        };
        return File(System.Text.Encoding.UTF8.GetBytes(text), type, PostMortemExport.FileName(Project, Incident, extension));
    }

    /// <summary>Renders what was typed, saving nothing.</summary>
    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        Preview = FormRequest().ToContent();
        return Page();
    }

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => Run(async incident =>
    {
        var saved = await save.ExecuteAsync(incident, FormRequest(), ct);
        TempData["Flash"] = $"Post-mortem saved (version {saved.Version}).";
    }, ct);

    [RequiresPermission(Permission.PostMortemSignOff)]
    public Task<IActionResult> OnPostSignOffAsync(int signedVersion, CancellationToken ct) => Run(async incident =>
    {
        await signOff.ExecuteAsync(incident, new SignOffRequest(signedVersion), ct);
        TempData["Flash"] = "Post-mortem signed off for the board.";
    }, ct);

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostAddItemAsync(string? title, string? owner, string? dueAt, string? link, CancellationToken ct) => Run(async incident =>
    {
        await addItem.ExecuteAsync(incident, new NewActionItemRequest(title, owner, viewerTime.Parse(dueAt, "dueAt")
            ?? throw new DomainException("dueAt: required (when it is due)."), link), ct);
        TempData["Flash"] = "Action item added.";
    }, ct);

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostItemAsync(Guid itemId, string? status, string? reason, int? itemVersion, CancellationToken ct) => Run(async incident =>
    {
        var belongs = await db.Set<ActionItem>().AnyAsync(a => a.Id == itemId && a.IncidentId == incident.Id, ct);
        if (!belongs) throw new DomainException("itemId: no such action item on this incident.");
        await changeItem.ExecuteAsync(itemId, new ChangeActionItemRequest(null, null, null, null, status, reason, itemVersion), ct);
        TempData["Flash"] = "Action item updated.";
    }, ct);

    /// <summary>
    /// "Update the register" in one step: a new STRIDE entry naming the incident, or (with a RISK id) that entry takes the
    /// fields filled in and names the incident too, through the register's own use case. Keeping the register is
    /// ProjectWork: a collaborator who works this incident is told so.
    /// </summary>
    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) => Run(async incident =>
    {
        var project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException("Incident without project.");
        if (await access.CheckProjectAsync(project.Slug, Permission.ProjectWork, ct) != AccessDecision.Allowed)
            throw new DomainException("Updating the risk register needs the ProjectWork permission on the project.");
        var entry = await recordRisk.ExecuteAsync(project, incident, Register.Existing, Register.ToInput(), ct);
        TempData["Flash"] = $"{entry.Code} in the risk register now names incident #{incident.Number}.";
    }, ct);

    private PostMortemRequest FormRequest()
    {
        var outside = new List<OutsideEventJson?>();
        for (var i = 0; i < Math.Max(OutsideAt.Count, OutsideText.Count); i++)
        {
            var at = i < OutsideAt.Count ? OutsideAt[i] : null;
            var text = i < OutsideText.Count ? OutsideText[i] : null;
            if (string.IsNullOrWhiteSpace(at) && string.IsNullOrWhiteSpace(text)) continue; // a blank row adds nothing; clearing a row removes it
            outside.Add(new OutsideEventJson(viewerTime.Parse(at, $"curation.outsideEvents[{outside.Count}].at"), text));
        }
        return new PostMortemRequest(Version, Sections, RegressionTestUrl, new CurationJson([.. Hidden], Annotations, outside));
    }

    private async Task<IActionResult> Run(Func<Incident, Task> action, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        await action(incident);
        return RedirectToPage(new { id = Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException("Incident without project.");
        PostMortem = await SavePostMortem.FindAsync(db, Id, ct) ?? PostMortem.For(incident);
        Events = await timeline.AssembleAsync(Id, PostMortem.Content, ct);
        Items = await queries.ForIncidentAsync(incident, ct);
        Members = await queries.MemberEmailsAsync(incident.ProjectId, ct);
        CanWrite = await access.HasAsync(incident, Permission.IncidentWork, ct);
        CanSignOff = await access.HasAsync(incident, Permission.PostMortemSignOff, ct);
        CanUpdateRegister = await access.CheckProjectAsync(Project.Slug, Permission.ProjectWork, ct) == AccessDecision.Allowed;
        if (!HttpMethods.IsPost(HttpContext.Request.Method)) Register = RegisterUpdateForm.From(incident, PostMortem.Content);
        if (HttpMethods.IsPost(HttpContext.Request.Method))
        {
            // A refused save keeps what was typed; if someone saved meanwhile, the next save is made knowingly over theirs.
            Conflicted = Version != PostMortem.Version && PostMortem.Version > 0;
            if (Conflicted) Version = PostMortem.Version;
            return true;
        }
        var c = PostMortem.Content;
        Version = PostMortem.Version;
        Sections = Enum.GetValues<PostMortemSection>().ToDictionary(s => s.ToWire(), s => (string?)c[s]);
        RegressionTestUrl = c.RegressionTestUrl;
        Hidden = [.. c.HiddenEvents];
        Annotations = c.Annotations.ToDictionary(a => a.Key, a => (string?)a.Value);
        OutsideAt = [.. c.OutsideEvents.Select(e => (string?)viewerTime.Input(e.At))];
        OutsideText = [.. c.OutsideEvents.Select(e => (string?)e.Text)];
        return true;
    }
}
