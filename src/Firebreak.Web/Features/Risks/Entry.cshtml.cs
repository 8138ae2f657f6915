using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Risks;

/// <summary>One register entry: what it says, the incidents it names, its history from the audit chain, and the edit form.</summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class EntryModel(ProjectAccess access, RiskQueries queries, ChangeRisk change, TimeProvider time) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromRoute] public string RiskId { get; set; } = "";
    [BindProperty] public RiskForm Risk { get; set; } = new();

    public Project Project { get; private set; } = null!;
    public RiskEntry Entry { get; private set; } = null!;
    public IReadOnlyList<AuditRecord> History { get; private set; } = [];
    public bool CanWork { get; private set; }
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        Risk = RiskForm.From(Entry);
        return Page();
    }

    [RequiresPermission(Permission.ProjectWork)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project || await queries.FindAsync(project, RiskId, ct) is not { } entry) return NotFound();
        var changed = await change.ExecuteAsync(project, entry, Risk.ToInput(), null, ct);
        TempData["Flash"] = changed ? $"{entry.Code} saved." : $"{entry.Code}: nothing changed.";
        return RedirectToPage(new { slug = Slug, riskId = RiskId });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project || await queries.FindAsync(project, RiskId, ct) is not { } entry) return false;
        Project = project;
        Entry = entry;
        History = await queries.HistoryAsync(entry, ct);
        CanWork = await access.CheckProjectAsync(Slug, Permission.ProjectWork, ct) == AccessDecision.Allowed;
        return true;
    }
}
