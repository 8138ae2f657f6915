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
    public IReadOnlyList<WatchedManifest> Manifests { get; private set; } = [];
    public IReadOnlyList<DependencyFinding> Findings { get; private set; } = [];
    public bool HasIndex { get; private set; }

    [BindProperty(SupportsGet = true)] public bool? Kev { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public bool? ReleasePath { get; set; }
    [BindProperty(SupportsGet = true)] public bool Resolved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

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
        Manifests = await db.Set<WatchedManifest>().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Name).ToListAsync(ct);
        var rows = await new FindingFilter(Kev, Severity, ReleasePath, Resolved).Apply(db.Set<DependencyFinding>().Where(f => f.ProjectId == project.Id)).ToListAsync(ct);
        Findings = [.. rows.OrderByDescending(r => r.KevCve is not null).ThenBy(r => r.Severity).ThenBy(r => r.Component, StringComparer.Ordinal)];
        return true;
    }
}
