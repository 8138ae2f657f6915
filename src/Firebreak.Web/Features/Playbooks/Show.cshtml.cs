using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Infrastructure.Playbooks;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Playbooks;

[RequiresPermission(Permission.SignedIn)]
internal sealed class ShowPlaybookModel(PlaybookLibrary library, MarkdownRenderer markdown) : PageModel
{
    public PlaybookDefinition Playbook { get; private set; } = null!;
    public MarkdownRenderer Markdown => markdown;

    public IActionResult OnGet(string playbookId)
    {
        if (library.Catalog.Find(playbookId) is not { } playbook) return NotFound();
        Playbook = playbook;
        return Page();
    }
}
