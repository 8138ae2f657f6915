using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// The public report form: no account needed. On success the page shows the receipt with the
/// private portal link — once, since only its hash is kept — instead of redirecting; or, when the
/// project confirms reporters' addresses first, that a confirmation link went to the contact.
/// Files come in the same post (multipart) and are checked with the report: one refused file
/// means nothing is filed.
/// </summary>
[AllowAnonymous]
[TakesAttachments]
internal sealed class ReportModel(FirebreakDbContext db, SubmitReport submit, IntakeRateLimiter limiter, PublicUrl urls, AttachmentLimits limits) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public bool Accepting { get; private set; }
    public bool ConfirmsEmail { get; private set; }
    public ReportReceipt? Receipt { get; private set; }
    public HeldReceipt? Held { get; private set; }
    public string LimitsText => limits.Describe();
    public string? PortalUrl { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? AffectedVersions { get; set; }
    [BindProperty] public string? CvssVector { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string Credit { get; set; } = "anonymous";
    [BindProperty] public string? CreditName { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await ReloadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await limiter.TakeAsync(HttpContext, "report", HttpContext.RequestAborted);
        var baseUrl = urls.For(Request);
        var files = await ReportRequest.FilesAsync(Attachments, limits, ct);
        var outcome = await submit.ExecuteAsync(Project, new ReportSubmission(Title, Description, AffectedVersions, CvssVector, Contact,
            Credit, CreditName, Consent, Website), files, Domain.Incidents.IncidentSource.Form, baseUrl, ct);
        (Receipt, Held) = (outcome.Filed, outcome.Held);
        if (Receipt is not null) PortalUrl = SubmitReport.PortalUrl(baseUrl, Receipt.Token);
        return Page();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await db.Projects.SingleOrDefaultAsync(p => p.Slug == Slug, ct) is not { } project) return false;
        Project = project;
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id);
        (Accepting, ConfirmsEmail) = (settings.Accepting, settings.ConfirmReporterEmail);
        return true;
    }
}
