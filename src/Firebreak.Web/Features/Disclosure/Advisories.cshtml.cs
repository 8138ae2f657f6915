using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The project's public advisories, newest first, one page at a time (<c>p</c>, <c>pageSize</c>); deliberately anonymous,
/// and only what is public at this instant. A bad page value is named and the first page shown, answering 400.
/// </summary>
[AllowAnonymous]
internal sealed class PublicAdvisoriesModel(PublicAdvisories advisories) : PageModel
{
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<PublicAdvisory> Advisories => List.Items;
    public Paged<PublicAdvisory> List { get; private set; } = new([], 0, 1, Paging.DefaultLimit);

    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await advisories.ProjectAsync(slug, ct) is not { } project) return NotFound();
        Project = project;
        var refused = ModelState.ErrorCount;
        var paging = this.AskedPage(PageNumber, PageSize);
        List = await advisories.PageAsync(project.Id, paging, ct);
        if (ModelState.ErrorCount > refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Route values of page n.</summary>
    public Dictionary<string, string> RouteAt(int page)
    {
        var values = PagerView.Route(page, List.Limit);
        values["slug"] = Project.Slug;
        return values;
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
