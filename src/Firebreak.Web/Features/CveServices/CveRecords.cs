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

    /// <summary>
    /// Publishes the record now, asked by a maintainer: for an advisory that went public before the incident had a CVE id
    /// (nothing was queued then), or whose first publication was refused. Refused with the reason when the project is
    /// not its own CNA, the incident has no id, or the record is already queued or published.
    /// </summary>
    public async Task<CveServiceCall> PublishNowAsync(Project project, Incident incident, SecurityAdvisory publicAdvisory, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(publicAdvisory);
        if (project.CveAuthority != CveAuthority.OwnCna)
            throw new DomainException($"Project {project.Slug} is not its own CNA (its CVE authority is {project.CveAuthority.ToWire()}): CVE Services publish no record for it.");
        var cve = publicAdvisory.CveId ?? incident.CveIdRecorded
            ?? throw new DomainException($"Incident #{incident.Number} has no CVE id: reserve or record one first.");
        var earlier = await db.Set<CveServiceCall>().Where(c => c.CveId == cve && c.Kind == CveCallKind.Publish).Select(c => c.State).ToListAsync(ct);
        if (earlier.Contains(CveCallState.Done)) throw new DomainException($"The CVE record {cve} is already published; a revision of the advisory updates it.");
        if (earlier.Contains(CveCallState.Pending)) throw new DomainException($"The CVE record {cve} is already queued for publication.");
        var container = Container(publicAdvisory, cve, out var refusal)
            ?? throw new DomainException($"The CVE record {cve} cannot be made from the advisory: {refusal}");
        return Queue(project, incident, CveCallKind.Publish, cve, container, actor, time.GetUtcNow());
    }

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
            if (!revised) incident.RecordCveEvent("CVE record not queued: the incident has no CVE id; reserve or record one on its CVE page, then publish the record there", actor, now);
            return;
        }
        if (Container(advisory, cve, out var refusal) is not { } container)
        {
            incident.RecordCveEvent($"CVE record {cve} not queued: {refusal}", actor, now);
            return;
        }
        var earlier = await db.Set<CveServiceCall>().Where(c => c.CveId == cve && c.Kind == CveCallKind.Publish).Select(c => c.State).ToListAsync(ct);
        if (earlier.Count == 0) Queue(project, incident, CveCallKind.Publish, cve, container, actor, now); // also a revision that brings the public advisory its id
        else if (revised && earlier.Contains(CveCallState.Done)) Queue(project, incident, CveCallKind.Update, cve, container, actor, now);
        // else the first publication is queued (or refused, waiting for a retry)
    }

    /// <summary>The CNA container of the advisory under <paramref name="cve"/>, or null with the reason CVE records cannot take it.</summary>
    private static string? Container(SecurityAdvisory advisory, string cve, out string? refusal)
    {
        refusal = null;
        try
        {
            return CveExporter.WriteCnaContainer(advisory.CveId is null ? advisory.AssignCve(cve) : advisory);
        }
        catch (DomainException e)
        {
            refusal = e.Message;
            return null;
        }
    }

    private CveServiceCall Queue(Project project, Incident incident, CveCallKind kind, string cve, string container, string actor, DateTimeOffset now)
    {
        var call = new CveServiceCall(project.Id, incident.Id, kind, cve, container, actor, now);
        db.Add(call);
        incident.RecordCveEvent($"CVE record {cve} queued for {(kind == CveCallKind.Publish ? "publication" : "update")} through CVE Services", actor, now);
        return call;
    }
}
