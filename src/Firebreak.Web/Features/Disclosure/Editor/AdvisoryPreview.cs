using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Disclosure.Editor;

/// <summary>One export as the editor shows it: its text (null when the exporter refused) and what is wrong with it.</summary>
internal sealed record ExportPreview(ExportFormat Format, string? Text, IReadOnlyList<string> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// What the editor shows beside the form: the advisory as the public page will show it (the same rendition the
/// public pages use: reporter credit as chosen, dates from the incident, patched versions from the fix releases, and
/// published at the proposed instant) and every export with the messages of its format's validator. A text that does
/// not read as an advisory gives the reader's message instead.
/// </summary>
internal sealed record AdvisoryPreview(SecurityAdvisory? Advisory, string? Error, IReadOnlyList<string> Missing, IReadOnlyList<ExportPreview> Exports)
{
    public static async Task<AdvisoryPreview> BuildAsync(string document, AdvisoryPublication? row, Incident incident, Project project,
        AdvisoryExporter exporter, string baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(exporter);
        SecurityAdvisory advisory;
        try
        {
            advisory = FirebreakAdvisoryJson.Read(document);
        }
        catch (DomainException e)
        {
            return new AdvisoryPreview(null, e.Message, [], []);
        }
        var rendition = (row ?? Draft(incident, advisory, now)).PublicRendition(advisory, incident.Reporter, PublicAdvisories.Facts(incident), incident.ReleasedVersions);
        if (rendition.Timeline.Published is null) rendition = rendition.Publish(incident.DisclosureDue is { } due && due > now ? due : now);
        rendition = AdvisoryExporter.WithProjectCna(rendition, project);
        var exports = new List<ExportPreview>();
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            try
            {
                var text = await exporter.ExportAsync(rendition, project, format, baseUrl, ct);
                IReadOnlyList<string> problems = format is ExportFormat.GhsaMd or ExportFormat.Changelog ? []
                    : [.. AdvisoryDocumentValidator.Validate(text).Issues.Where(i => i.IsError).Select(i => i.ToString())];
                exports.Add(new ExportPreview(format, text, problems));
            }
            catch (DomainException e)
            {
                exports.Add(new ExportPreview(format, null, [e.Message]));
            }
        }
        return new AdvisoryPreview(rendition, null, AdvisoryReadiness.Missing(advisory), exports);
    }

    // A preview before the first save: a throwaway row that is never stored, so the rendition follows the same rules.
    private static AdvisoryPublication Draft(Incident incident, SecurityAdvisory advisory, DateTimeOffset now) =>
        AdvisoryPublication.Start(incident.Id, incident.ProjectId, advisory, "{}", "preview", now);
}
