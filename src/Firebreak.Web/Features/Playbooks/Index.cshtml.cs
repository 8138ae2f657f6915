using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Playbooks;

[RequiresPermission(Permission.SignedIn)]
internal sealed class PlaybooksModel(PlaybookLibrary library) : PageModel
{
    public PlaybookLibrary Library => library;
}
