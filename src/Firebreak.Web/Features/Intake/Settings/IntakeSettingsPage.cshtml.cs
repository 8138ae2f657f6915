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
    TimeProvider time) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var settings = await db.Set<IntakeSettings>().FindAsync([Project.Id], ct) ?? IntakeSettings.For(Project.Id);
        (Accepting, AutoAcknowledge, ConfirmReporterEmail, AcknowledgementSubject, AcknowledgementBody) =
            (settings.Accepting, settings.AutoAcknowledge, settings.ConfirmReporterEmail, settings.AcknowledgementSubject, settings.AcknowledgementBody);
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        Preview = await change.PreviewAsync(Project, AcknowledgementSubject, AcknowledgementBody);
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await change.ExecuteAsync(Project, new IntakeSettingsJson(Accepting, AutoAcknowledge, AcknowledgementSubject, AcknowledgementBody, ConfirmReporterEmail), ct);
        TempData["Flash"] = "Intake settings saved.";
        return RedirectToPage(new { slug = Slug });
    }

    /// <summary>Loads the project and its held reports; the form shows what the viewer typed.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        var now = time.GetUtcNow().UtcDateTime;
        var unconfirmed = db.Set<HeldReport>().Where(h => h.ProjectId == project.Id && h.ConfirmedAt == null);
        Held = (await unconfirmed.CountAsync(h => h.ExpiresAt > now, ct), await unconfirmed.CountAsync(h => h.ExpiresAt <= now, ct));
        return true;
    }
}
