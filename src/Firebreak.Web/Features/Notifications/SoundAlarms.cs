using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Notifications;

/// <summary>How often the alarm pass looks at the clocks (<c>Notifications:PollInterval</c>, default one minute).</summary>
internal sealed class NotificationOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// One pass over every running deadline: an incident clock or an open action item that has come within a quarter of its
/// window is announced once as at risk, one past due once as breached (<see cref="IncidentNotices"/> says to whom).
/// Each incident is saved on its own; a pass that loses the race to another server's pass writes nothing for that
/// incident (the notice marks are unique) and moves on.
/// </summary>
/// <remarks>
/// A pass never holds more than one batch: it asks SQL only for open incidents whose stored <see cref="Incident.AtRiskAt"/>
/// has come (an incident none of whose clocks is at risk or breached is never read), <see cref="BatchSize"/> at a time in
/// (AtRiskAt, Id) order over an index of those columns (no incident row is read for it), and open action items by id; what one batch loaded is let go before the next is read. So the memory of a
/// pass does not grow with the number of incidents, and incidents whose deadlines are far off cost nothing.
/// </remarks>
internal sealed partial class SoundAlarms(FirebreakDbContext db, IncidentNotices notices, TimeProvider time, ILogger<SoundAlarms> logger)
{
    /// <summary>How many incidents (or action items) one batch of a pass reads (tests make it small to cross batches).</summary>
    internal int BatchSize { get; set; } = 200;

    private static readonly IncidentStage[] Ended = [IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate];

    private readonly record struct Alarm(Guid Incident, string Key, Func<Incident, Domain.Projects.Project, Task> Tell);

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var at = now.UtcDateTime;
        var sounded = 0;
        (DateTime AtRiskAt, Guid Id)? from = null;
        while (true)
        {
            // In (AtRiskAt, Id) order from where the last batch ended, over the index that holds exactly these columns.
            var due = db.Incidents.AsNoTracking().Where(i => !Ended.Contains(i.Stage) && i.AtRiskAt != null && i.AtRiskAt <= at);
            if (from is { } f)
            {
                var (risk, last) = f;
                due = due.Where(i => i.AtRiskAt >= risk && (i.AtRiskAt > risk || i.Id.CompareTo(last) > 0));
            }
            var batch = await due.OrderBy(i => i.AtRiskAt).ThenBy(i => i.Id).Select(i => new { i.Id, AtRiskAt = i.AtRiskAt!.Value }).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            from = (batch[^1].AtRiskAt, batch[^1].Id);
            var ids = batch.Select(b => b.Id).ToList();
            var clocks = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))
                .SelectMany(i => i.ClockRecords.Where(c => c.StoppedAt == null), (i, c) => new { i.Id, c.Kind, c.StartedAt, c.DueAt })
                .ToListAsync(ct);
            var alarms = new List<Alarm>();
            foreach (var c in clocks)
            {
                var clock = new SlaClock(c.Kind, c.StartedAt.AsInstant(), c.DueAt.AsInstant(), null);
                if (clock.StateAt(now) is var state and (ClockState.AtRisk or ClockState.Breached))
                    alarms.Add(new(c.Id, IncidentNotices.ClockKey(c.Id, c.Kind, state, c.DueAt), (i, p) => notices.ClockAsync(p, i, clock, state, ct)));
            }
            sounded += await SoundAsync(alarms, ct);
            if (batch.Count < BatchSize) break;
        }
        Guid? after = null;
        while (true)
        {
            var open = db.Set<ActionItem>().AsNoTracking().Where(a => a.Status == ActionItemStatus.Open);
            if (after is { } last) open = open.Where(a => a.Id.CompareTo(last) > 0);
            var items = await open.OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (items.Count == 0) break;
            after = items[^1].Id;
            var alarms = new List<Alarm>();
            foreach (var item in items)
            {
                if (item.Clock.StateAt(now) is var state and (ClockState.AtRisk or ClockState.Breached))
                    alarms.Add(new(item.IncidentId, IncidentNotices.ActionItemKey(item.Id, state, item.DueAt), (i, p) => notices.ActionItemAsync(p, i, item, state, ct)));
            }
            sounded += await SoundAsync(alarms, ct);
            if (items.Count < BatchSize) break;
        }
        return sounded;
    }

    /// <summary>Sounds the alarms of one batch not yet told, incident by incident; returns how many it sounded.</summary>
    private async Task<int> SoundAsync(List<Alarm> alarms, CancellationToken ct)
    {
        if (alarms.Count == 0) return 0;
        var keys = alarms.Select(a => Firebreak.Web.Infrastructure.Mail.Outbox.StoredKey(a.Key)).ToList();
        var told = (await db.Set<NoticeMark>().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var sounded = 0;
        foreach (var group in alarms.Where(a => !told.Contains(Firebreak.Web.Infrastructure.Mail.Outbox.StoredKey(a.Key))).GroupBy(a => a.Incident))
        {
            db.ChangeTracker.Clear();
            var incident = await db.Incidents.SingleAsync(i => i.Id == group.Key, ct);
            var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
            foreach (var alarm in group) await alarm.Tell(incident, project);
            try
            {
                await db.SaveChangesAsync(ct);
                sounded += group.Count();
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                Lost(logger, incident.Number); // another pass told these first; its save holds
            }
        }
        db.ChangeTracker.Clear();
        return sounded;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alarms of incident #{Number} were sounded by another pass")]
    private static partial void Lost(ILogger logger, int number);
}

/// <summary>Runs <see cref="SoundAlarms"/> every poll interval, on the server's clock.</summary>
internal sealed class AlarmWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationOptions> options, ILogger<AlarmWorker> logger)
    : PollingWorker(scopes, logger)
{
    protected override bool OneServerAtATime => true;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SoundAlarms>().ExecuteAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(options.Value.PollInterval, time, ct);
}
