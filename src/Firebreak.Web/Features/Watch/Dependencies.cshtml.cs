using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>A project's watched lockfiles and SBOMs, the upload form, and the findings with filters.</summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class DependenciesModel(ProjectAccess access, FirebreakDbContext db, RegisterManifest register, CurrentUser user,
    AdvisoryLibrary library) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<WatchedManifest> Manifests => ManifestList.Items;
    public IReadOnlyList<DependencyFinding> Findings => FindingList.Items;
    public Paged<WatchedManifest> ManifestList { get; private set; } = new([], 0, 1, Paging.DefaultLimit);
    public Paged<DependencyFinding> FindingList { get; private set; } = new([], 0, 1, Paging.DefaultLimit);

    /// <summary>The names of the manifests the shown findings come from (which need not be on the shown page of manifests).</summary>
    public IReadOnlyDictionary<Guid, string> ManifestNames { get; private set; } = new Dictionary<Guid, string>();
    public bool HasIndex { get; private set; }
    private bool _pagingInvalid;

    [BindProperty(SupportsGet = true)] public bool? Kev { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public bool? ReleasePath { get; set; }
    [BindProperty(SupportsGet = true)] public bool Resolved { get; set; }

    // The findings are the page's main list and page by p and pageSize like every list page; the manifests, a second
    // list on the same page, by their own pair, so that paging one keeps the other where it was.
    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }
    [FromQuery(Name = "manifestsPage")] public string? ManifestsPage { get; set; }
    [FromQuery(Name = "manifestsPageSize")] public string? ManifestsPageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (_pagingInvalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Route values of page n of the findings: the filters and the manifests' page kept.</summary>
    public Dictionary<string, string> FindingsAt(int page)
    {
        var values = PagerView.Route(page, FindingList.Limit, Filters());
        if (ManifestList.Page != 1) values["manifestsPage"] = ManifestList.Page.ToString(CultureInfo.InvariantCulture);
        if (ManifestList.Limit != Paging.DefaultLimit) values["manifestsPageSize"] = ManifestList.Limit.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>Route values of page n of the manifests: the filters and the findings' page kept.</summary>
    public Dictionary<string, string> ManifestsAt(int page)
    {
        var values = PagerView.Route(FindingList.Page, FindingList.Limit, Filters());
        if (page != 1) values["manifestsPage"] = page.ToString(CultureInfo.InvariantCulture);
        if (ManifestList.Limit != Paging.DefaultLimit) values["manifestsPageSize"] = ManifestList.Limit.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    private (string, string?)[] Filters() =>
        [("slug", Slug), ("Kev", Kev == true ? "true" : null), ("Severity", Severity), ("ReleasePath", ReleasePath == true ? "true" : null), ("Resolved", Resolved ? "true" : null)];

    [RequiresPermission(Permission.IncidentOpen)]
    public async Task<IActionResult> OnPostUploadAsync(string? name, IFormFile? file, string? content, bool releasePath, CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        if (file is not null)
        {
            if (file.Length > WatchedManifest.MaxBytes) throw new DomainException($"{file.FileName} is larger than {WatchedManifest.MaxBytes >> 20} MiB.");
            using var reader = new StreamReader(file.OpenReadStream());
            content = await reader.ReadToEndAsync(ct);
            if (string.IsNullOrWhiteSpace(name)) name = file.FileName;
        }
        var (manifest, opened) = await register.ExecuteAsync(project, new ManifestRequest(name, content, releasePath), user.Name, ct);
        TempData["Flash"] = $"{manifest.Name}: {manifest.ComponentCount} component(s) checked" + (opened.Count > 0 ? $"; {opened.Count} incident(s) opened." : ".");
        return RedirectToPage(new { slug = Slug });
    }

    /// <summary>After a refusal a severity filter it does not know is dropped: its error is shown, and the findings unfiltered by it.</summary>
    public Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (!FindingFilter.IsSeverity(Severity)) Severity = null;
        return LoadAsync(ct);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        HasIndex = library.Current() is not null;
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var findings = Paging.Parse(PageNumber, PageSize, errors, "p", "pageSize");
        var manifests = Paging.Parse(ManifestsPage, ManifestsPageSize, errors, "manifestsPage", "manifestsPageSize");
        foreach (var (key, messages) in errors) ModelState.AddModelError(key, $"{key}: {messages[0]}");
        _pagingInvalid = errors.Count > 0;
        ManifestList = await db.Set<WatchedManifest>().AsNoTracking().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Name).ThenBy(m => m.Id).ToPagedAsync(manifests, ct);
        var filter = new FindingFilter(Kev, Severity, ReleasePath, Resolved);
        FindingList = await FindingFilter.InListOrder(filter.Apply(db.Set<DependencyFinding>().AsNoTracking().Where(f => f.ProjectId == project.Id))).ToPagedAsync(findings, ct);
        var ids = FindingList.Items.Select(f => f.ManifestId).Distinct().ToList();
        ManifestNames = await db.Set<WatchedManifest>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return true;
    }
}
