using System.Diagnostics.Metrics;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Operations;

/// <summary>
/// Firebreak's gauges on its meter, read from the database when a reader collects them (a Prometheus scrape, an
/// OTLP export): running clocks at risk and breached, the outbox's depth and how long its oldest due message has
/// waited, and the publication lag (how long the most overdue scheduled advisory has waited past its instant).
/// One read serves every gauge of a collection; a database that does not answer gives no measurement, not an error.
/// </summary>
internal sealed class OperationalGauges
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (DateTimeOffset At, Snapshot? Values) _last = (DateTimeOffset.MinValue, null);

    public OperationalGauges(FirebreakMetrics metrics, IServiceScopeFactory scopes, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _scopes = scopes;
        _time = time;
        var meter = metrics.Meter;
        meter.CreateObservableGauge<long>("firebreak.clocks", () => Read() is { } s
            ? (IEnumerable<Measurement<long>>)[new Measurement<long>(s.AtRisk, new KeyValuePair<string, object?>("state", "at_risk")), new Measurement<long>(s.Breached, new KeyValuePair<string, object?>("state", "breached"))]
            : [], "{clock}", "Running deadline clocks of open incidents at risk (within a quarter of their window) and breached");
        meter.CreateObservableGauge("firebreak.outbox.depth", () => Read() is { } s ? [new Measurement<long>(s.OutboxDepth)] : Array.Empty<Measurement<long>>(),
            "{message}", "Mail waiting in the outbox to be sent or retried");
        meter.CreateObservableGauge("firebreak.outbox.oldest_due_age", () => Read() is { } s ? [new Measurement<double>(s.OutboxOldestDue.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "How long the oldest due outbox message has waited past its due time (0 when none)");
        meter.CreateObservableGauge("firebreak.publication.lag", () => Read() is { } s ? [new Measurement<double>(s.PublicationLag.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "How long the most overdue scheduled advisory has waited past its publication instant (0 when none)");
    }

    private sealed record Snapshot(long AtRisk, long Breached, long OutboxDepth, TimeSpan OutboxOldestDue, TimeSpan PublicationLag);

    private Snapshot? Read()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_last.Values is not null && now - _last.At < Fresh && now >= _last.At) return _last.Values;
            Snapshot? values;
            try
            {
                values = ReadAsync(now).GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // a gauge that cannot be read reports nothing; readiness says why
            catch (Exception)
#pragma warning restore CA1031
            {
                values = null;
            }
            _last = (now, values);
            return values;
        }
    }

    private async Task<Snapshot> ReadAsync(DateTimeOffset now)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var closed = new[] { IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate };
        // Only incidents whose stored at-risk instant has come can hold an at-risk or breached clock; their running clocks
        // are streamed and counted, never held, so a scrape's memory does not grow with the number of incidents.
        var at = now.UtcDateTime;
        var clocks = db.Incidents.AsNoTracking().Where(i => !closed.Contains(i.Stage) && i.AtRiskAt != null && i.AtRiskAt <= at)
            .SelectMany(i => i.ClockRecords.Where(c => c.StoppedAt == null), (i, c) => new { c.Kind, c.StartedAt, c.DueAt })
            .AsAsyncEnumerable();
        long atRisk = 0, breached = 0;
        await foreach (var c in clocks)
        {
            switch (new SlaClock(c.Kind, c.StartedAt.AsInstant(), c.DueAt.AsInstant(), null).StateAt(now))
            {
                case ClockState.AtRisk: atRisk++; break;
                case ClockState.Breached: breached++; break;
            }
        }
        var (depth, oldest) = await QueuesCheck.OutboxDepthAsync(db, now, CancellationToken.None);
        var due = await db.Set<AdvisoryPublication>().Where(AdvisoryPublication.DueAt(now)).Select(a => a.PublishAt).ToListAsync();
        var lag = due.Count == 0 ? TimeSpan.Zero : now.UtcDateTime - due.Min()!.Value;
        return new Snapshot(atRisk, breached, depth, oldest, lag);
    }
}
