using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Infrastructure.Errors;
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
internal sealed class ConfirmModel(ConfirmReport confirm, FirebreakDbContext db, IntakeRateLimiter limiter, PublicUrl urls) : PageModel
{
    public ConfirmationState State { get; private set; }
    public HeldReport? Held { get; private set; }
    public string ProjectName { get; private set; } = "";
    public ReportReceipt? Receipt { get; private set; }
    public string? PortalUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        try
        {
            limiter.Take(HttpContext, "confirm");
            await LoadAsync(token, ct);
            if (State != ConfirmationState.Waiting) return Page();
            var baseUrl = urls.For(Request);
            Receipt = await confirm.ExecuteAsync(Held!, baseUrl, ct);
            PortalUrl = SubmitReport.PortalUrl(baseUrl, Receipt.Token);
        }
        catch (Exception e) when (e is DomainException or TooManyRequestsException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (e is TooManyRequestsException) Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", e is DbUpdateException ? "The report changed at the same moment; reload this page to see where it stands." : e.Message);
            if (e is not TooManyRequestsException) await LoadAsync(token, ct);
        }
        return Page();
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        (Held, State) = await confirm.FindAsync(token, ct);
        if (Held is not null) ProjectName = await db.Projects.Where(p => p.Id == Held.ProjectId).Select(p => p.Name).SingleAsync(ct);
        Response.StatusCode = State switch
        {
            ConfirmationState.Unknown => StatusCodes.Status404NotFound,
            ConfirmationState.Expired => StatusCodes.Status410Gone,
            ConfirmationState.Waiting or ConfirmationState.Confirmed => StatusCodes.Status200OK,
        };
    }
}
