using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Risks;

/// <summary>A project's risk register: counts, filters by status and category, the entries, and the exports.</summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class RegisterModel(ProjectAccess access, RiskQueries queries, RegisterExport export, TimeProvider time) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool ReviewDue { get; set; }
    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }
    public Paged<RiskEntry> List { get; private set; } = new([], 0, 1, Paging.DefaultLimit);
    private bool _pagingInvalid;

    public Project Project { get; private set; } = null!;
    public IReadOnlyList<RiskEntry> Entries { get; private set; } = [];
    public RegisterSummary Counts { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);
    public bool CanWork { get; private set; }
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (_pagingInvalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Route values of page n, the filters kept.</summary>
    public Dictionary<string, string> RouteAt(int page)
    {
        var values = PagerView.Route(page, List.Limit, ("status", Status), ("category", Category), ("reviewDue", ReviewDue ? "true" : null));
        values["slug"] = Slug;
        return values;
    }

    /// <summary>RISK-REGISTER.md (format=markdown) or the JSON register, as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        var file = await export.ExecuteAsync(project, format, ct);
        return File(file.Content, file.ContentType, file.Name);
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        // A filter value the register does not know is shown as an error and left out, never a failure.
        RiskStatus? status = WireNames.TryParse<RiskStatus>(Status, out var s) ? s : null;
        StrideCategory? category = WireNames.TryParse<StrideCategory>(Category, out var c) ? c : null;
        if (!string.IsNullOrEmpty(Status) && status is null)
        {
            ModelState.AddModelError(nameof(Status), $"'{Status}' is not a status; expected one of: {WireNames.AllowedList<RiskStatus>()}.");
            Status = null;
        }
        if (!string.IsNullOrEmpty(Category) && category is null)
        {
            ModelState.AddModelError(nameof(Category), $"'{Category}' is not a STRIDE category; expected one of: {WireNames.AllowedList<StrideCategory>()}.");
            Category = null;
        }
        var refused = ModelState.ErrorCount;
        var paging = this.AskedPage(PageNumber, PageSize);
        _pagingInvalid = ModelState.ErrorCount > refused;
        List = await queries.PageAsync(project, new RiskFilter(status, category, ReviewDue), paging, ct);
        Entries = List.Items;
        Counts = await queries.CountsAsync(project.Id, ct);
        CanWork = await access.CheckProjectAsync(Slug, Permission.ProjectWork, ct) == AccessDecision.Allowed;
        return true;
    }
}
