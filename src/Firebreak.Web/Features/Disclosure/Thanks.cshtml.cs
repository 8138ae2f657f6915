using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>One person to thank: the name or handle they chose and the public advisories that credit them.</summary>
internal sealed record Thanked(string Name, string? Contact, IReadOnlyList<(string AdvisoryId, CreditType Type)> Advisories);

/// <summary>
/// <c>/p/{slug}/thanks</c>: everyone credited with consent on a public advisory, by the name or handle they chose;
/// anonymous credits are counted, never named; credits without consent are neither shown nor counted.
/// </summary>
[AllowAnonymous]
internal sealed class ThanksModel(PublicAdvisories advisories) : PageModel
{
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<Thanked> People { get; private set; } = [];
    public int Anonymous { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await advisories.ProjectAsync(slug, ct) is not { } project) return NotFound();
        Project = project;
        var credits = (await advisories.ListAsync(project.Id, ct))
            .Where(a => !a.Withdrawn)
            .SelectMany(a => a.Advisory.PublicCredits.Select(c => (a.Advisory.Id, Credit: c)))
            .ToList();
        Anonymous = credits.Count(c => c.Credit.IsAnonymous);
        People = [.. credits.Where(c => !c.Credit.IsAnonymous)
            .GroupBy(c => c.Credit.Name!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Thanked(g.First().Credit.Name!, g.Select(c => c.Credit.Contact).FirstOrDefault(c => c is not null),
                [.. g.Select(c => (c.Id, c.Credit.Type)).Distinct()]))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
        return Page();
    }
}
