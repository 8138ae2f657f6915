using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Confirmation;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Settings;

/// <summary>A project's intake settings: the public form's switch, when to acknowledge, whether reporters confirm their address first, and the acknowledgement template with a preview.</summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class IntakeSettingsPageModel(ProjectAccess access, FirebreakDbContext db, ChangeIntakeSettings change, MarkdownRenderer markdown,
    TimeProvider time) : PageModel
{
    public Project Project { get; private set; } = null!;
    public AcknowledgementPreview? Preview { get; private set; }
    public MarkdownRenderer Markdown => markdown;

    /// <summary>Held reports whose link still works, and those whose link expired unconfirmed (kept, never filed).</summary>
    public (int Waiting, int Expired) Held { get; private set; }

    [BindProperty] public bool Accepting { get; set; }
    [BindProperty] public bool AutoAcknowledge { get; set; }
    [BindProperty] public bool ConfirmReporterEmail { get; set; }
    [BindProperty] public string? AcknowledgementSubject { get; set; }
    [BindProperty] public string? AcknowledgementBody { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return NotFound();
        Project = project;
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id);
        var now = time.GetUtcNow().UtcDateTime;
        var unconfirmed = db.Set<HeldReport>().Where(h => h.ProjectId == project.Id && h.ConfirmedAt == null);
        Held = (await unconfirmed.CountAsync(h => h.ExpiresAt > now, ct), await unconfirmed.CountAsync(h => h.ExpiresAt <= now, ct));
        (Accepting, AutoAcknowledge, ConfirmReporterEmail, AcknowledgementSubject, AcknowledgementBody) =
            (settings.Accepting, settings.AutoAcknowledge, settings.ConfirmReporterEmail, settings.AcknowledgementSubject, settings.AcknowledgementBody);
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return NotFound();
        Project = project;
        try
        {
            Preview = await change.PreviewAsync(project, AcknowledgementSubject, AcknowledgementBody);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return NotFound();
        Project = project;
        try
        {
            await change.ExecuteAsync(project, new IntakeSettingsJson(Accepting, AutoAcknowledge, AcknowledgementSubject, AcknowledgementBody, ConfirmReporterEmail), ct);
            TempData["Flash"] = "Intake settings saved.";
            return RedirectToPage(new { slug });
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }
}
