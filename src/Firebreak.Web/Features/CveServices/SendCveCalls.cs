using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Outbound;
using Firebreak.Web.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// Makes the due CVE Services calls, one at a time, each first leased through the database (so several servers never make
/// the same call at once) and sent through the one outbound client. Every attempt is audited (<c>cve-services-call</c>,
/// with method, path and status; never the key). A success records its effect: ids reserved (the first recorded on the
/// incident that asked), the record published (the incident's record clock stops), updated, rejected or checked. A
/// failure is retried with backoff; its first failure and its giving up are written on the incident's timeline, and giving
/// up tells the incident manager ("CVE deadlines").
/// </summary>
internal sealed partial class SendCveCalls(FirebreakDbContext db, CveServicesClient client, StoredSecrets secrets, AuditTrail audit, IncidentNotices notices,
    TimeProvider time, IOptions<CveServicesOptions> options, ILogger<SendCveCalls> logger)
{
    public const string Actor = "firebreak";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> RunDueAsync(CancellationToken ct, int batch = 50)
    {
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<CveServiceCall>()
            .Where(c => c.State == CveCallState.Pending && c.NextAttemptAt <= nowUtc && (c.LeasedUntil == null || c.LeasedUntil < nowUtc))
            .OrderBy(c => c.NextAttemptAt).Select(c => c.Id).Take(batch).ToListAsync(ct);
        var done = 0;
        foreach (var id in due)
        {
            if (await RunAsync(id, ct)) done++;
        }
        return done;
    }

    /// <summary>One attempt at call <paramref name="id"/> if no other server holds it; true when it succeeded.</summary>
    public async Task<bool> RunAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var leaseEnd = (now + Lease).UtcDateTime;
        var claimed = await db.Set<CveServiceCall>()
            .Where(c => c.Id == id && c.State == CveCallState.Pending && (c.LeasedUntil == null || c.LeasedUntil < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeasedUntil, leaseEnd), ct);
        if (claimed == 0) return false;
        db.ChangeTracker.Clear();
        var call = await db.Set<CveServiceCall>().SingleAsync(c => c.Id == id, ct);
        var project = await db.Projects.SingleAsync(p => p.Id == call.ProjectId, ct);
        var account = await db.Set<CveServicesAccount>().FindAsync([call.ProjectId], ct);
        var (method, path, _) = account is null ? (HttpMethod.Get, "", null) : CveServicesClient.Request(account, call);
        CveAnswer? answer = null;
        string? error;
        var final = false;
        try
        {
            var key = account?.ApiKey is { } stored ? secrets.Reveal(StoredSecrets.Purposes.CveServicesKey, stored, call.ProjectId.ToString("D")) : null;
            if (account is null || key is null)
            {
                (error, final) = ("The project has no readable CVE Services API key; save it again on the CVE authority page.", true);
            }
            else
            {
                answer = await client.SendAsync(account, key, call, ct);
                (error, final) = (answer.Error, answer is { Succeeded: false, Transient: false });
            }
        }
        catch (Exception e) when (e is OutboundRefusedException or HttpRequestException)
        {
            error = e is OutboundRefusedException refused ? $"refused ({refused.Reason}): {e.Message}" : $"no answer: {e.Message}";
            final = e is OutboundRefusedException { Reason: not OutboundRefusal.TimedOut };
        }
        var at = time.GetUtcNow();
        audit.Record(Actor, "cve-services-call", $"project {project.Slug}",
            $"{call.What}: {method.Method} {path} → {(answer is null ? "no answer" : answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}" +
            (error is null ? "" : $" ({error})") + $"; attempt {call.Attempts + 1}; asked by {call.RequestedBy}");
        var incident = call.IncidentId is { } incidentId ? await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, ct) : null;
        if (error is null)
        {
            call.MarkDone(answer!.Status, await ApplyAsync(call, answer.Body, project.Id, incident, at, ct), at);
        }
        else
        {
            var parked = call.MarkFailed(answer?.Status, error, final, at, options.Value.MaxAttempts, Random.Shared.NextDouble());
            if (incident is not null && (call.Attempts == 1 || parked))
                incident.RecordCveEvent(parked
                    ? $"CVE Services: {call.What} failed for good after {call.Attempts} attempt(s): {error}"
                    : $"CVE Services: {call.What} failed ({error}); retrying", Actor, at);
            if (incident is not null && parked) await notices.CveCallFailedAsync(project, incident, call.Id, call.What, error, ct);
            Failed(logger, call.Id, call.What, call.Attempts, error);
        }
        await db.SaveChangesAsync(CancellationToken.None); // the service has acted: keep that whatever happens to the request
        return error is null;
    }

    private async Task<string> ApplyAsync(CveServiceCall call, JsonNode? body, Guid projectId, Domain.Incidents.Incident? incident, DateTimeOffset at, CancellationToken ct)
    {
        var reservation = call.CveId is { } cve ? await db.Set<CveIdReservation>().FindAsync([cve], ct) : null;
        switch (call.Kind)
        {
            case CveCallKind.Reserve:
                var ids = (body?["cve_ids"] as JsonArray ?? []).Select(n => n?["cve_id"]?.ToString()).OfType<string>().Where(i => CveId.TryParse(i, out _)).ToList();
                var known = await db.Set<CveIdReservation>().Where(r => ids.Contains(r.CveId)).Select(r => r.CveId).ToListAsync(ct);
                var added = ids.Except(known).Select(i => new CveIdReservation(projectId, i, at)).ToList();
                db.AddRange(added);
                if (incident is not null && added.FirstOrDefault() is { } first && incident.CveIdRecorded is null)
                {
                    first.AssignTo(incident.Id);
                    incident.RecordCveId(first.CveId, call.RequestedBy, at);
                }
                return ids.Count == 0 ? "no id in the answer" : $"reserved {string.Join(", ", ids)}";
            case CveCallKind.Publish:
                reservation?.MarkPublished(at);
                incident?.RecordCveRecordPublished(call.CveId!, at, Actor, at);
                return $"record {call.CveId} published";
            case CveCallKind.Update:
                reservation?.MarkUpdated(at);
                incident?.RecordCveEvent($"CVE record {call.CveId} updated through CVE Services (advisory revised)", Actor, at);
                return $"record {call.CveId} updated";
            case CveCallKind.Reject:
                reservation?.MarkRejected(at);
                return $"{call.CveId} rejected";
            case CveCallKind.Check:
                var state = body?["state"]?.ToString() ?? "unknown";
                reservation?.MarkChecked(state, at);
                return $"{call.CveId} is {state}";
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Kind, "Unknown call.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CVE Services call {CallId} ({What}), attempt {Attempt}, failed: {Error}")]
    private static partial void Failed(ILogger logger, Guid callId, string what, int attempt, string error);
}

/// <summary>Makes due CVE Services calls every poll interval, on the server's clock.</summary>
internal sealed class CveServicesWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<CveServicesOptions> options, ILogger<CveServicesWorker> logger)
    : Infrastructure.Background.PollingWorker(scopes, logger)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SendCveCalls>().RunDueAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(options.Value.PollInterval, time, ct);
}
