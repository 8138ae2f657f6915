using System.Globalization;
using System.Text;
using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Features.Incidents;
using Firebreak.Web.Features.Intake.Threads;
using Firebreak.Web.Features.PostMortems;
using Firebreak.Web.Features.Risks;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// Everything the record holds of one incident, as the files of a bundle in a fixed order: the incident, its whole
/// timeline, the reporter thread and attachments, the advisory with every export, the post-mortem and action items,
/// the linked risk entries, the audit excerpt, then the key, the manifest and the signature. Each owning feature
/// writes its own part through its public face. Instants that decide a state (clocks, review due) are taken at the
/// last audited event, not at the download, so the same record gives the same bytes.
/// </summary>
internal sealed class IncidentBundle(FirebreakDbContext db, IncidentRecord incidents, ThreadRecord threads, AdvisoryRecord advisories,
    PostMortemRecord postMortems, RiskRecord risks, AuditExcerpt audit, BundleSeal seal)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record TimelineFile(string Format, Guid Incident, IReadOnlyList<TimelineLine> Entries);

    /// <summary>Every field the entry's audit digest covers, with the instant to the tick as it was chained.</summary>
    private sealed record TimelineLine(Guid Id, Guid IncidentId, int Sequence, string At, string Actor, string Kind, string Text);

    /// <summary>The bundle's files, closed (key, manifest, signature last).</summary>
    public async Task<IReadOnlyList<ArchiveFile>> BuildAsync(Project project, Incident incident, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        var (auditFiles, lastAt) = await audit.BuildAsync(incident.Id, ct);
        var asOf = new DateTimeOffset(lastAt ?? DateTime.SpecifyKind(incident.UpdatedAt, DateTimeKind.Utc), TimeSpan.Zero);
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.IncidentId == incident.Id).ToListAsync(ct);
        var lines = timeline.OrderBy(t => t.Sequence).ThenBy(t => t.Id)
            .Select(t => new TimelineLine(t.Id, t.IncidentId, t.Sequence, CanonicalEncoding.Instant(t.At), t.Actor, t.Kind.ToWire(), t.Text)).ToList();
        var files = new List<ArchiveFile>
        {
            new("incident.json", incidents.Json(incident, project.Slug, asOf)),
            new("timeline.json", Serialize(new TimelineFile("firebreak-timeline/1", incident.Id, lines))),
        };
        files.AddRange((await threads.FilesAsync(incident.Id, ct)).Select(f => new ArchiveFile(f.Path, f.Content)));
        files.AddRange((await advisories.FilesAsync(incident, baseUrl, ct)).Select(f => new ArchiveFile(f.Path, f.Content)));
        files.AddRange((await postMortems.FilesAsync(project, incident, asOf, ct)).Select(f => new ArchiveFile(f.Path, f.Content)));
        files.Add(new("risks.json", await risks.JsonAsync(incident, asOf, ct)));
        files.AddRange(auditFiles);
        return seal.Close(files, json =>
        {
            json.WriteString("format", "firebreak-archive/1");
            json.WriteString("kind", "incident");
            json.WriteString("project", project.Slug);
            json.WriteString("incident", incident.Id.ToString("D"));
            json.WriteNumber("number", incident.Number);
            json.WriteString("asOf", CanonicalEncoding.Instant(asOf.UtcDateTime));
        });
    }

    /// <summary>The name a download of the bundle is offered under (<c>springtale-12-record.zip</c>).</summary>
    public static string FileName(Project project, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        return $"{project.Slug}-{incident.Number.ToString(CultureInfo.InvariantCulture)}-record.zip";
    }

    private static byte[] Serialize<T>(T value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Options) + "\n");
}
