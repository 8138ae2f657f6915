using Firebreak.Domain.Common;
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
        try
        {
            var project = await create.ExecuteAsync(new CreateProjectRequest(Slug, Name, RepositoryUrl, Lines(Contacts)), ct);
            return LocalRedirect($"/projects/{project.Slug}/settings");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    internal static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
