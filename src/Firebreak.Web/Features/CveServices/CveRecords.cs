using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// What Disclosure tells the CVE feature: an advisory went public, or its public text was revised. In a project that is
/// its own CNA this queues the CNA container generated from the advisory (the public rendition, with the project's CNA
/// organisation) for CVE Services, in the caller's unit of work: published the first time, updated after. Without a CVE
/// id, or with an advisory CVE records cannot take, nothing is queued and the incident's timeline says why.
/// </summary>
[PublicFace]
internal sealed class CveRecords(FirebreakDbContext db, TimeProvider time)
{
    public Task PublishedAsync(Project project, Incident incident, SecurityAdvisory publicAdvisory, string actor, CancellationToken ct) =>
        QueueAsync(project, incident, publicAdvisory, actor, revised: false, ct);

    public Task RevisedAsync(Project project, Incident incident, SecurityAdvisory publicAdvisory, string actor, CancellationToken ct) =>
        QueueAsync(project, incident, publicAdvisory, actor, revised: true, ct);

    private async Task QueueAsync(Project project, Incident incident, SecurityAdvisory advisory, string actor, bool revised, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(advisory);
        if (project.CveAuthority != CveAuthority.OwnCna) return;
        var now = time.GetUtcNow();
        var cve = advisory.CveId ?? incident.CveIdRecorded;
        if (cve is null)
        {
            incident.RecordCveEvent("CVE record not queued: the incident has no CVE id; reserve one on its CVE page", actor, now);
            return;
        }
        string container;
        try
        {
            container = CveExporter.WriteCnaContainer(advisory.CveId is null ? advisory.AssignCve(cve) : advisory);
        }
        catch (DomainException e)
        {
            incident.RecordCveEvent($"CVE record {cve} not queued: {e.Message}", actor, now);
            return;
        }
        var publishedBefore = await db.Set<CveServiceCall>().AnyAsync(c => c.CveId == cve && c.Kind == CveCallKind.Publish, ct);
        var kind = revised && publishedBefore ? CveCallKind.Update : CveCallKind.Publish;
        if (revised && !publishedBefore) return; // the first publication, still to come, takes the revised text
        db.Add(new CveServiceCall(project.Id, incident.Id, kind, cve, container, actor, now));
        incident.RecordCveEvent($"CVE record {cve} queued for {(kind == CveCallKind.Publish ? "publication" : "update")} through CVE Services", actor, now);
    }
}
