using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Confirmation;

/// <summary>
/// The link in the confirmation e-mail. Opening it only shows a button: the POST confirms, so a
/// mail scanner that fetches links confirms nothing. Confirming files the held report and shows
/// the private portal link (once). Unknown, expired and used links each get a page that says so
/// (404, 410 and 200), never an error.
/// </summary>
[AllowAnonymous]
internal sealed class ConfirmModel(ConfirmReport confirm, FirebreakDbContext db, IntakeRateLimiter limiter, PublicUrl urls) : PageModel, IReloadablePage
{
    [FromRoute] public string Token { get; set; } = "";
    public ConfirmationState State { get; private set; }
    public HeldReport? Held { get; private set; }
    public string ProjectName { get; private set; } = "";
    public ReportReceipt? Receipt { get; private set; }
    public string? PortalUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await limiter.TakeAsync(HttpContext, "confirm", HttpContext.RequestAborted);
        await ReloadAsync(ct);
        if (State != ConfirmationState.Waiting) return Page();
        var baseUrl = urls.For(Request);
        Receipt = await confirm.ExecuteAsync(Held!, baseUrl, ct);
        PortalUrl = SubmitReport.PortalUrl(baseUrl, Receipt.Token);
        return Page();
    }

    /// <summary>Every link gets a page that says where it stands, with the status to match; so this never reports "vanished".</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        (Held, State) = await confirm.FindAsync(Token, ct);
        if (Held is not null) ProjectName = await db.Projects.Where(p => p.Id == Held.ProjectId).Select(p => p.Name).SingleAsync(ct);
        Response.StatusCode = State switch
        {
            ConfirmationState.Unknown => StatusCodes.Status404NotFound,
            ConfirmationState.Expired => StatusCodes.Status410Gone,
            ConfirmationState.Waiting or ConfirmationState.Confirmed => StatusCodes.Status200OK,
        };
        return true;
    }
}
