using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Templates;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>A rendered message for the preview.</summary>
internal sealed record MessagePreview(string Subject, string Body);

/// <summary>
/// A project's disclosure messages and recipients: the private notice and the public announcement (Liquid), previewed
/// with a sample advisory before saving, and the private, public and repository-owner lists.
/// </summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class DisclosureSettingsPageModel(ProjectAccess access, LiquidTemplates templates, MarkdownRenderer markdown,
    PublicUrl urls, AdvisoryExporter exporter, ChangeDisclosureSettings change) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public MarkdownRenderer Markdown => markdown;
    public MessagePreview? PrivatePreview { get; private set; }
    public MessagePreview? AnnouncementPreview { get; private set; }
    public string? AdvisoryBodyPreview { get; private set; }
    public string? ChangelogPreview { get; private set; }

    [BindProperty] public string? PrivateNoticeSubject { get; set; }
    [BindProperty] public string? PrivateNoticeBody { get; set; }
    [BindProperty] public string? AnnouncementSubject { get; set; }
    [BindProperty] public string? AnnouncementBody { get; set; }
    [BindProperty] public string? AdvisoryBody { get; set; }
    [BindProperty] public string? ChangelogLine { get; set; }
    [BindProperty] public string? PrivateRecipients { get; set; }
    [BindProperty] public string? PublicRecipients { get; set; }
    [BindProperty] public string? RepositoryOwners { get; set; }
    [BindProperty] public string? OsvPrefix { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var s = await change.GetAsync(Project.Id, ct);
        (PrivateNoticeSubject, PrivateNoticeBody, AnnouncementSubject, AnnouncementBody) = (s.PrivateNoticeSubject, s.PrivateNoticeBody, s.AnnouncementSubject, s.AnnouncementBody);
        (PrivateRecipients, PublicRecipients, RepositoryOwners) = (Join(s.PrivateRecipients), Join(s.PublicRecipients), Join(s.RepositoryOwners));
        (AdvisoryBody, ChangelogLine, OsvPrefix) = (s.AdvisoryBody, s.ChangelogLine, s.OsvPrefix);
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var (project, form) = (Project, Form());
        DisclosureSettings.DefaultsFor(project.Id).Update(form.PrivateNoticeSubject, form.PrivateNoticeBody, form.AnnouncementSubject, form.AnnouncementBody,
            form.PrivateRecipients, form.PublicRecipients, form.RepositoryOwners, form.AdvisoryBody, form.ChangelogLine, form.OsvPrefix);
        var values = DisclosureMail.Values(project, Sample(project), new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero),
            AdvisoryLinks.Public(urls.For(Request), project, "EXAMPLE-2026-0001"));
        PrivatePreview = new(await templates.RenderAsync(PrivateNoticeSubject!, values), await templates.RenderAsync(PrivateNoticeBody!, values));
        AnnouncementPreview = new(await templates.RenderAsync(AnnouncementSubject!, values), await templates.RenderAsync(AnnouncementBody!, values));
        var sample = Sample(project);
        AdvisoryBodyPreview = await exporter.RenderAsync(project, sample, AdvisoryBody ?? DisclosureTemplates.AdvisoryBody, urls.For(Request));
        ChangelogPreview = await exporter.RenderAsync(project, sample, ChangelogLine ?? DisclosureTemplates.ChangelogLine, urls.For(Request));
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await change.ExecuteAsync(Project.Id, Form(), ct);
        TempData["Flash"] = "Disclosure settings saved.";
        return RedirectToPage(new { slug = Slug });
    }

    /// <summary>Loads the project only: the form shows what the viewer typed.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        return true;
    }

    /// <summary>The sample the preview renders with: one package, fixed, with a CVE, a CWE and a credited reporter.</summary>
    public static SecurityAdvisory Sample(Project project) => new("EXAMPLE-2026-0001", "Crafted archive paths escape the extraction directory",
        new AdvisoryPublisher(project.Name, project.RepositoryUrl ?? "https://example.org", PublisherCategory.Vendor),
        [new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.Npm, project.Slug),
            [new AffectedRange(AffectedRangeType.Semver, [new(RangeEventKind.Introduced, "1.0.0"), new(RangeEventKind.Fixed, "1.4.2")])])])
    {
        Aliases = ["CVE-2026-0001"],
        Cwes = [new Cwe("CWE-22", "Improper Limitation of a Pathname to a Restricted Directory")],
        Remediation = "Upgrade to 1.4.2.",
        Credits = [AdvisoryCredit.Named(CreditType.Reporter, "Jo Example")],
    };

    private DisclosureSettingsJson Form() => new(PrivateNoticeSubject, PrivateNoticeBody, AnnouncementSubject, AnnouncementBody,
        Lines(PrivateRecipients), Lines(PublicRecipients), Lines(RepositoryOwners), AdvisoryBody, ChangelogLine, OsvPrefix ?? "");

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    private static string[] Lines(string? text) => (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
