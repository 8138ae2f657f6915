using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Templates;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// Exports an incident's advisory as the public will see it (<see cref="PublicAdvisories.Render"/>): the standard
/// formats through the Domain's exporters, the advisory body (<c>ghsa-md</c>) and the CHANGELOG line through the
/// project's Liquid templates, whose defaults render exactly what the built-in exporters write. A document that names
/// no CNA organisation gets the project's (its settings), so the CVE 5 export needs no hand edit.
/// </summary>
internal sealed class AdvisoryExporter(FirebreakDbContext db, LiquidTemplates templates)
{
    public async Task<string> ExportAsync(AdvisoryPublication row, Incident incident, ExportFormat format, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(incident);
        var project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException("Incident without project.");
        return await ExportAsync(PublicAdvisories.Render(row, incident).Advisory, project, format, baseUrl, ct);
    }

    /// <summary>Exports an advisory already in its public rendition (the editor's preview exports unsaved text this way).</summary>
    public async Task<string> ExportAsync(SecurityAdvisory rendition, Project project, ExportFormat format, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(project);
        var advisory = WithProjectCna(rendition, project);
        var settings = await db.Set<DisclosureSettings>().FindAsync([project.Id], ct) ?? DisclosureSettings.DefaultsFor(project.Id);
        if (format == ExportFormat.Osv) return OsvExporter.Write(advisory, settings.OsvDatabase);
        if (format is not (ExportFormat.GhsaMd or ExportFormat.Changelog)) return AdvisoryExport.Write(advisory, format);
        return await RenderAsync(project, advisory, format == ExportFormat.GhsaMd ? settings.AdvisoryBody : settings.ChangelogLine, baseUrl);
    }

    /// <summary>The advisory with the project's CNA organisation id when the document gives none.</summary>
    public static SecurityAdvisory WithProjectCna(SecurityAdvisory advisory, Project project)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        ArgumentNullException.ThrowIfNull(project);
        if (advisory.Publisher.CveOrgId is not null || project.CveOrgId is not { } org) return advisory;
        var p = advisory.Publisher;
        return advisory with { Publisher = new AdvisoryPublisher(p.Name, p.Namespace, p.Category, p.Vendor, p.Product, org) };
    }

    /// <summary>Renders one of the project's templates for an advisory (also what the settings page previews).</summary>
    public Task<string> RenderAsync(Project project, SecurityAdvisory advisory, string template, string baseUrl) =>
        templates.RenderAsync(template, DisclosureMail.Values(project, advisory, advisory.Timeline.Published, AdvisoryLinks.Public(baseUrl, project, advisory.Id)));
}
