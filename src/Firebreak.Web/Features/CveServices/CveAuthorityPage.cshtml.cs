using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// A project's CVE authority: none, GitHub as CNA, or its own CNA through CVE Services (short name, user, API key that is
/// never shown again, test or production service, organisation UUID); for its own CNA, reserving ids, the ids with their
/// state, those unused past the policy's period listed for rejection, and the latest calls with their errors.
/// </summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class CveAuthorityPageModel(ProjectAccess access, CveAuthorities authorities, CveQueue queue, CurrentUser user, TimeProvider time)
    : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public CveAuthorityJson Authority { get; private set; } = null!;
    public CveIdsJson Ids { get; private set; } = new([], [], []);
    public bool CanAdmin { get; private set; }
    public int ThisYear { get; } = time.GetUtcNow().Year;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? ShortName { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? OtherUrl { get; set; }
    [BindProperty] public string? CveOrgId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        (Kind, ShortName, UserName, CveOrgId) = (Authority.Authority, Authority.ShortName, Authority.User, Authority.CveOrgId?.ToString("D"));
        (Service, OtherUrl) = Authority.BaseUrl switch
        {
            null or CveServicesAccount.TestUrl => ("test", null),
            CveServicesAccount.ProductionUrl => ("production", null),
            { } other => ("other", other),
        };
        return Page();
    }

    /// <summary>Saves the authority. The API key is a plain form field read here only (never bound back into the page).</summary>
    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostSaveAsync([FromForm] string? apiKey, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var url = Service switch
        {
            "production" => CveServicesAccount.ProductionUrl,
            "other" => OtherUrl,
            _ => CveServicesAccount.TestUrl,
        };
        await authorities.ChangeAsync(Project, new CveAuthorityRequest(Kind, ShortName, UserName, apiKey, url, CveOrgId), user.Name, ct);
        TempData["Flash"] = "CVE authority saved.";
        return RedirectToPage(new { slug = Slug });
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostReserveAsync(int? amount, int? year, bool sequential, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await queue.ReserveAsync(Project, null, new ReserveRequest(amount, year, sequential), user.Name, ct);
        TempData["Flash"] = "Reservation queued; the ids appear below once CVE Services answer.";
        return RedirectToPage(new { slug = Slug });
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostRejectAsync(string? cveId, string? reason, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await queue.RejectAsync(Project, cveId ?? "", reason, user.Name, ct);
        TempData["Flash"] = $"Rejection of {cveId} queued.";
        return RedirectToPage(new { slug = Slug });
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostRetryAsync(Guid callId, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        TempData["Flash"] = await queue.RetryAsync(Project, callId, user.Name, ct) ? "Call queued again." : "That call no longer exists.";
        return RedirectToPage(new { slug = Slug });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        CanAdmin = await access.CheckProjectAsync(Slug, Permission.ProjectAdmin, ct) == AccessDecision.Allowed;
        Authority = await authorities.GetAsync(project, ct);
        Ids = await queue.ListAsync(project, ct);
        return true;
    }

    public static string AuthorityText(string wire) => WireNames.TryParse<CveAuthority>(wire, out var a) ? a switch
    {
        CveAuthority.None => "None: the project does not take CVE ids",
        CveAuthority.Github => "GitHub acting as CNA: ids recorded by hand",
        CveAuthority.OwnCna => "The project's own CNA, through CVE Services",
    } : wire;
}
