using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// Import RISK-REGISTER.md or the JSON register from a file or pasted text. A dry run shows what would change and
/// writes nothing (the page answers directly); an import that writes redirects to the register. Errors are listed
/// with their line and column, or JSON path.
/// </summary>
[RequiresPermission(Permission.ProjectWork)]
internal sealed class ImportModel(ProjectAccess access, ImportRegister import) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty] public string? Document { get; set; }
    [BindProperty] public string Format { get; set; } = "markdown";
    [BindProperty] public bool DryRun { get; set; } = true;

    public Project Project { get; private set; } = null!;
    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (file is { Length: > 0 })
        {
            if (file.Length > RisksApi.MaxImportBytes) throw new Domain.Common.DomainException($"file: larger than {RisksApi.MaxImportBytes >> 20} MiB.");
            using var reader = new StreamReader(file.OpenReadStream(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
            try { Document = await reader.ReadToEndAsync(ct); }
            catch (System.Text.DecoderFallbackException) { throw new Domain.Common.DomainException("file: not UTF-8 text."); }
        }
        if (string.IsNullOrEmpty(Document)) throw new Domain.Common.DomainException("content: choose a file or paste the register.");
        if (Document.Length > RisksApi.MaxImportBytes) throw new Domain.Common.DomainException($"content: longer than {RisksApi.MaxImportBytes >> 20} MiB.");
        Result = await import.ExecuteAsync(Project, Document, Format == "json", DryRun, ct);
        if (Result.Outcome is { DryRun: false } done)
        {
            TempData["Flash"] = $"Imported: {done.Created.Count} entered, {done.Updated.Count} changed, {done.Unchanged.Count} unchanged.";
            return RedirectToPage("/Risks/Register", new { slug = Slug });
        }
        return Page();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        return true;
    }
}
