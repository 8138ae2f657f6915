using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// The project's and an incident's CVE operations: reserve ids (for the project, or one for an incident), reject an unused
/// one, check an id's state, record an id given by hand (GitHub as CNA). Calls to CVE Services are queued for the worker;
/// each request is audited when queued, each attempt when made.
/// </summary>
internal sealed class CveQueue(FirebreakDbContext db, AuditTrail audit, CveRecords records, PublicAdvisories advisories, TimeProvider time)
{
    public const int MaxAmount = 50;

    public async Task<CveServiceCall> ReserveAsync(Project project, Incident? incident, ReserveRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(request);
        await RequireOwnCnaAsync(project, ct);
        var now = time.GetUtcNow();
        var amount = request.Amount ?? 1;
        if (amount is < 1 or > MaxAmount) throw new DomainException($"amount: between 1 and {MaxAmount}.");
        var year = request.Year ?? now.Year;
        if (year < 1999 || year > now.Year + 1) throw new DomainException($"year: between 1999 and {now.Year + 1} (CVE Services reserve up to next year).");
        if (incident is not null && incident.CveIdRecorded is { } existing) throw new DomainException($"Incident #{incident.Number} already has {existing}.");
        var call = new CveServiceCall(project.Id, incident?.Id, CveCallKind.Reserve, null,
            new ReserveOrder(amount, year, request.Sequential ?? true).Serialize(), actor, now);
        db.Add(call);
        audit.Record(actor, "cve-reserve-requested", $"project {project.Slug}",
            $"{amount} id(s) for {year}, {(request.Sequential ?? true ? "sequential" : "non-sequential")}{(incident is null ? "" : $", for incident #{incident.Number}")}");
        incident?.RecordCveEvent("CVE id requested from the project's CNA (CVE Services)", actor, now);
        await db.SaveChangesAsync(ct);
        return call;
    }

    public async Task<CveServiceCall> RejectAsync(Project project, string cveId, string? reason, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        await RequireOwnCnaAsync(project, ct);
        var wanted = (cveId ?? "").Trim().ToUpperInvariant();
        var reservation = await db.Set<CveIdReservation>().SingleOrDefaultAsync(r => r.ProjectId == project.Id && r.CveId == wanted, ct)
            ?? throw new DomainException($"cveId: '{cveId}' is not an id this project reserved.");
        if (reservation.State != CveIdState.Reserved) throw new DomainException($"cveId: {reservation.CveId} is {reservation.State.ToWire()}; only a reserved id is rejected.");
        if (reservation.IncidentId is not null) throw new DomainException($"cveId: {reservation.CveId} is recorded on an incident; remove it there first.");
        var why = string.IsNullOrWhiteSpace(reason) ? "Unused: reserved but not needed for a vulnerability." : reason.Trim();
        if (why.Length > 1000) throw new DomainException("reason: longer than 1,000 characters.");
        var body = new JsonObject { ["cnaContainer"] = new JsonObject { ["rejectedReasons"] = new JsonArray(new JsonObject { ["lang"] = "en", ["value"] = why }) } };
        var call = new CveServiceCall(project.Id, null, CveCallKind.Reject, reservation.CveId, body.ToJsonString(), actor, time.GetUtcNow());
        db.Add(call);
        audit.Record(actor, "cve-reject-requested", $"project {project.Slug}", $"{reservation.CveId}: {why}");
        await db.SaveChangesAsync(ct);
        return call;
    }

    public async Task<CveServiceCall> CheckAsync(Project project, Incident incident, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await RequireOwnCnaAsync(project, ct);
        var cve = incident.CveIdRecorded ?? throw new DomainException($"Incident #{incident.Number} has no CVE id to check.");
        var call = new CveServiceCall(project.Id, incident.Id, CveCallKind.Check, cve, null, actor, time.GetUtcNow());
        db.Add(call);
        await db.SaveChangesAsync(ct);
        return call;
    }

    /// <summary>
    /// Publishes the incident's CVE record now from its public advisory: the way on when the advisory went public before
    /// the incident had an id, so nothing was queued at its instant (the record clock runs meanwhile).
    /// </summary>
    public async Task<CveServiceCall> PublishRecordAsync(Project project, Incident incident, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await RequireOwnCnaAsync(project, ct);
        var advisory = await advisories.ForCveRecordAsync(project, incident, ct)
            ?? throw new DomainException($"Incident #{incident.Number}'s advisory is not public; its CVE record is published when the advisory is.");
        var call = await records.PublishNowAsync(project, incident, advisory, actor, ct);
        audit.Record(actor, "cve-publish-requested", $"project {project.Slug}", $"{call.CveId} for incident #{incident.Number}");
        await db.SaveChangesAsync(ct);
        return call;
    }

    /// <summary>Records an id given by hand (GitHub as CNA, or any id obtained elsewhere); stops the assignment clock.</summary>
    public async Task RecordAsync(Incident incident, string? cveId, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.RecordCveId((cveId ?? "").Trim(), actor, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Retries a failed call of the project, due now.</summary>
    public async Task<bool> RetryAsync(Project project, Guid callId, string actor, CancellationToken ct)
    {
        var call = await db.Set<CveServiceCall>().SingleOrDefaultAsync(c => c.Id == callId && c.ProjectId == project.Id, ct);
        if (call is null) return false;
        call.Retry(time.GetUtcNow());
        audit.Record(actor, "cve-call-retried", $"project {project.Slug}", call.What);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<CveIdsJson> ListAsync(Project project, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = await db.Set<CveIdReservation>().AsNoTracking().Where(r => r.ProjectId == project.Id).OrderByDescending(r => r.ReservedAt).Take(500).ToListAsync(ct);
        var calls = await db.Set<CveServiceCall>().AsNoTracking().Where(c => c.ProjectId == project.Id).OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
        var retention = project.Policy.ReservedIdRetention;
        return new([.. ids.Select(r => CveIdJson.From(r, r.DueForRejection(now, retention)))],
            [.. ids.Where(r => r.DueForRejection(now, retention)).Select(r => r.CveId)], [.. calls.Select(CveCallJson.From)]);
    }

    public async Task<IncidentCveJson> ForIncidentAsync(Project project, Incident incident, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = await db.Set<CveIdReservation>().AsNoTracking().Where(r => r.IncidentId == incident.Id || r.CveId == incident.CveIdRecorded).ToListAsync(ct);
        var calls = await db.Set<CveServiceCall>().AsNoTracking().Where(c => c.IncidentId == incident.Id).OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
        var clocks = new[] { ClockKind.CveAssignment, ClockKind.CveRecordPublication }.Select(incident.Clock).OfType<SlaClock>()
            .Select(c => new CveClockJson(c.Kind.ToWire(), c.StartedAt.UtcDateTime, c.DueAt.UtcDateTime, c.StoppedAt?.UtcDateTime, c.StateAt(now).ToWire())).ToList();
        return new(project.CveAuthority.ToWire(), incident.CveIdRecorded, clocks, [.. ids.Select(r => CveIdJson.From(r, false))], [.. calls.Select(CveCallJson.From)]);
    }

    private async Task RequireOwnCnaAsync(Project project, CancellationToken ct)
    {
        if (project.CveAuthority != CveAuthority.OwnCna)
            throw new DomainException($"Project {project.Slug} does not use its own CNA through CVE Services (its CVE authority is {project.CveAuthority.ToWire()}).");
        if (!await db.Set<CveServicesAccount>().AnyAsync(a => a.ProjectId == project.Id && a.ApiKey != null, ct))
            throw new DomainException($"Project {project.Slug} has no CVE Services credentials; set them on its CVE authority page.");
    }
}
