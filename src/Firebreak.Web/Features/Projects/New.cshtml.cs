using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Projects;

[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class NewProjectModel(CreateProject create) : PageModel
{
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? RepositoryUrl { get; set; }
    [BindProperty] public string? Contacts { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var project = await create.ExecuteAsync(new CreateProjectRequest(Slug, Name, RepositoryUrl, Lines(Contacts)), ct);
        return RedirectToPage("/Projects/Settings", new { slug = project.Slug });
    }

    internal static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
