using Firebreak.Domain.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>The project's public advisories, newest first; deliberately anonymous, and only what is public at this instant.</summary>
[AllowAnonymous]
internal sealed class PublicAdvisoriesModel(PublicAdvisories advisories) : PageModel
{
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<PublicAdvisory> Advisories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await advisories.ProjectAsync(slug, ct) is not { } project) return NotFound();
        Project = project;
        Advisories = await advisories.ListAsync(project.Id, ct);
        return Page();
    }
}

/// <summary>One public advisory: the runbook's fields, the description (sanitised Markdown), credits, revisions and downloads.</summary>
[AllowAnonymous]
internal sealed class PublicAdvisoryModel(PublicAdvisories advisories) : PageModel
{
    public Project Project { get; private set; } = null!;
    public PublicAdvisory Advisory { get; private set; } = null!;

    /// <summary>The advisory's OSV record id, or null when it is not an OSV record (no GHSA or CVE id and no project prefix).</summary>
    public string? OsvId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string advisoryId, CancellationToken ct)
    {
        if (await advisories.ProjectAsync(slug, ct) is not { } project) return NotFound();
        if (await advisories.FindAsync(project.Id, Uri.UnescapeDataString(advisoryId), ct) is not { } advisory) return NotFound();
        Project = project;
        Advisory = advisory;
        OsvId = PublicAdvisoryEndpoints.OsvId(advisory.Advisory, await advisories.OsvDatabaseAsync(project.Id, ct));
        return Page();
    }
}
