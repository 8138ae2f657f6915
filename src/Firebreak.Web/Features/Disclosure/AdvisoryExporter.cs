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
/// project's Liquid templates, whose defaults render exactly what the built-in exporters write.
/// </summary>
internal sealed class AdvisoryExporter(FirebreakDbContext db, LiquidTemplates templates)
{
    public async Task<string> ExportAsync(AdvisoryPublication row, Incident incident, ExportFormat format, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(incident);
        var advisory = PublicAdvisories.Render(row, incident).Advisory;
        var settings = await db.Set<DisclosureSettings>().FindAsync([incident.ProjectId], ct) ?? DisclosureSettings.DefaultsFor(incident.ProjectId);
        if (format == ExportFormat.Osv) return OsvExporter.Write(advisory, settings.OsvDatabase);
        if (format is not (ExportFormat.GhsaMd or ExportFormat.Changelog)) return AdvisoryExport.Write(advisory, format);
        var project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException("Incident without project.");
        return await RenderAsync(project, advisory, format == ExportFormat.GhsaMd ? settings.AdvisoryBody : settings.ChangelogLine, baseUrl);
    }

    /// <summary>Renders one of the project's templates for an advisory (also what the settings page previews).</summary>
    public Task<string> RenderAsync(Project project, SecurityAdvisory advisory, string template, string baseUrl) =>
        templates.RenderAsync(template, DisclosureMail.Values(project, advisory, advisory.Timeline.Published, AdvisoryLinks.Public(baseUrl, project, advisory.Id)));
}
