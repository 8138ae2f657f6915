using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// A project's integrations: the GitHub webhook and the generic trigger (address, whether set up; a project admin creates
/// or rotates the secret, shown once on the answer to that post, like a new API token, and never stored where a page
/// could show it again), the allowed releasers, and the latest deliveries with what each came to.
/// </summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class IntegrationsPageModel(ProjectAccess access, FirebreakDbContext db, RotateHookSecret rotate, ChangeReleasers releasers,
    CurrentUser user, HookUrls urls) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public ProjectIntegration? Integration { get; private set; }
    public IReadOnlyList<HookDelivery> Deliveries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> IncidentNumbers { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>The secret just created, on the answer to the post that created it only.</summary>
    public (HookSource Source, string Secret)? NewSecret { get; private set; }

    [BindProperty] public string? Releasers { get; set; }

    /// <summary>Whether the viewer may set up the hooks and the releasers (the forms are shown only then).</summary>
    public bool CanAdmin { get; private set; }

    public string HookUrl(HookSource source) => urls.For(Request, source, Project.Slug);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        Releasers = string.Join('\n', Integration?.AllowedReleasers ?? []);
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public Task<IActionResult> OnPostGitHubAsync(CancellationToken ct) => RotateAsync(HookSource.GitHub, ct);

    [RequiresPermission(Permission.ProjectAdmin)]
    public Task<IActionResult> OnPostGenericAsync(CancellationToken ct) => RotateAsync(HookSource.Generic, ct);

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostReleasersAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var saved = await releasers.ExecuteAsync(Project, (Releasers ?? "").Split(['\n', '\r', ',', ' '], StringSplitOptions.RemoveEmptyEntries), user.Name, ct);
        TempData["Flash"] = saved.Count == 0 ? "No allowed releasers: releases and tags are not judged." : $"Allowed releasers saved ({saved.Count}).";
        return RedirectToPage(new { slug = Slug });
    }

    private async Task<IActionResult> RotateAsync(HookSource source, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var secret = await rotate.ExecuteAsync(Project, source, user.Name, ct);
        await ReloadAsync(ct);
        Releasers = string.Join('\n', Integration?.AllowedReleasers ?? []);
        NewSecret = (source, secret);
        return Page();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        CanAdmin = await access.CheckProjectAsync(Slug, Permission.ProjectAdmin, ct) == AccessDecision.Allowed;
        Integration = await db.Set<ProjectIntegration>().AsNoTracking().SingleOrDefaultAsync(i => i.ProjectId == project.Id, ct);
        Deliveries = await db.Set<HookDelivery>().AsNoTracking().Where(d => d.ProjectId == project.Id)
            .OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id).Take(IntegrationsApi.ListedDeliveries).ToListAsync(ct);
        var ids = Deliveries.Select(d => d.IncidentId).OfType<Guid>().Distinct().ToList();
        IncidentNumbers = await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        return true;
    }
}
