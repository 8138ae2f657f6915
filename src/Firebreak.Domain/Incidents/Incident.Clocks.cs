using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>The clock of a kind, if the incident has one.</summary>
    public SlaClock? Clock(ClockKind kind) => _clocks.FirstOrDefault(c => c.Kind == kind)?.ToClock();

    /// <summary>The running clock due soonest, for ordering dashboards.</summary>
    public SlaClock? NearestRunningClock => Clocks.Where(c => c.IsRunning).MinBy(c => c.DueAt);

    /// <summary>
    /// When the nearest running clock is due (UTC), or <see cref="NoDeadline"/> when none runs. Stored with the incident
    /// (always computed from the clocks here: what the database holds is never read back) so that a dashboard orders and
    /// pages open incidents in SQL by an index, and incidents without a running deadline come last on every database.
    /// </summary>
    public DateTime NextDueAt
    {
        get => _clocks.Where(c => c.StoppedAt is null).Select(c => (DateTime?)c.DueAt).Min() ?? NoDeadline;
        private set { }
    }

    /// <summary>
    /// From when (UTC) the incident counts as breached: the earliest due instant of a running clock or of one stopped late;
    /// null when no clock is or can become breached. Breached at <c>now</c> exactly when this is at or before <c>now</c>,
    /// as <see cref="WorstClockStateAt"/> decides. Stored like <see cref="NextDueAt"/>, for counting in SQL.
    /// </summary>
    public DateTime? BreachAt
    {
        get => _clocks.Where(c => c.StoppedAt is null || c.StoppedAt > c.DueAt).Select(c => (DateTime?)c.DueAt).Min();
        private set { }
    }

    /// <summary>
    /// From when (UTC) a running clock is at risk (its due instant less the at-risk share of its window); null when none
    /// runs. At risk at <c>now</c>, unless breached, exactly when this is at or before <c>now</c>. Stored for counting in SQL.
    /// </summary>
    public DateTime? AtRiskAt
    {
        get => _clocks.Where(c => c.StoppedAt is null)
            .Select(c => (DateTime?)(c.DueAt - (c.DueAt - c.StartedAt) * SlaClock.AtRiskShare(c.Kind))).Min();
        private set { }
    }

    /// <summary>
    /// From when (UTC) the incident's worst state is at least "at risk": the earlier of <see cref="AtRiskAt"/> and
    /// <see cref="BreachAt"/>; null when no clock runs. At risk at <c>now</c> exactly when this is at or before <c>now</c> and
    /// <see cref="BreachAt"/> is not; and never after <see cref="BreachAt"/>, so "at risk or breached by now" less "breached by
    /// now, with a clock running" is "at risk now". Stored for counting in SQL (the dashboard keeps these counts per day).
    /// </summary>
    public DateTime? AtRiskFrom
    {
        get => AtRiskAt is not { } risk ? null : BreachAt is { } breach && breach < risk ? breach : risk;
        private set { }
    }

    /// <summary>The <see cref="NextDueAt"/> of an incident with no running clock: the last instant there is (UTC).</summary>
    public static readonly DateTime NoDeadline = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    /// <summary>The worst state over all clocks at <paramref name="now"/> (breached before at-risk).</summary>
    public ClockState? WorstClockStateAt(DateTimeOffset now)
    {
        ClockState? worst = null;
        foreach (var clock in Clocks)
        {
            var state = clock.StateAt(now);
            if (worst is null || Rank(state) > Rank(worst.Value)) worst = state;
        }
        return worst;

        static int Rank(ClockState s) => s switch
        {
            ClockState.Met => 0,
            ClockState.Running => 1,
            ClockState.AtRisk => 2,
            ClockState.Breached => 3,
        };
    }

    /// <summary>
    /// Re-triages: applies the severity rule to the new request and user-safety class, and moves
    /// the due instants of the clocks that depend on them, recording old and new in the timeline.
    /// </summary>
    public void Retriage(Severity requested, string? userSafetyClass, SecurityPolicy policy, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (IsClosed) throw new DomainException($"Incident #{Number} is {Stage.ToWire()}; reopen it before re-triaging.");
        var userSafety = NormaliseUserSafety(userSafetyClass);
        var (severity, reason) = SeverityRule.Apply(requested, userSafety, policy);
        if (requested == RequestedSeverity && severity == Severity && userSafety == UserSafetyClass) return;

        var text = $"Severity {Severity.ToWire()} → {severity.ToWire()}";
        if (requested != severity) text += $" (requested {requested.ToWire()}; {reason})";
        if (userSafety != UserSafetyClass) text += $"; user-safety class {UserSafetyClass ?? "none"} → {userSafety ?? "none"}";
        RequestedSeverity = requested;
        Severity = severity;
        SeverityReason = reason;
        UserSafetyClass = userSafety;
        Record(now, actor, TimelineKind.SeverityChanged, text);
        ReplanClocks(policy, actor, now);
    }

    /// <summary>Stops a running clock because its event happened; no-op when absent or stopped.</summary>
    public void StopClock(ClockKind kind, string because, string actor, DateTimeOffset now)
    {
        var record = _clocks.FirstOrDefault(c => c.Kind == kind);
        if (record is null || record.StoppedAt is not null) return;
        record.StoppedAt = now.UtcDateTime;
        var state = record.ToClock().StateAt(now) == ClockState.Met ? "met" : "breached";
        Record(now, actor, TimelineKind.ClockStopped, $"{kind.ToWire()} clock stopped: {because} ({state})");
    }

    private IEnumerable<(ClockKind Kind, TimeSpan Due)> PlannedClocks(SecurityPolicy policy)
    {
        var reported = Kind == IncidentKind.VulnerabilityReport || Reporter is not null;
        if (reported) yield return (ClockKind.Acknowledgement, policy.Acknowledgement);
        yield return (ClockKind.FirstAction, policy.FirstActionFor(Severity));
        if (UserSafetyClass is not null) yield return (ClockKind.Fix, policy.UserSafetyFixTarget);
        else if (Kind == IncidentKind.VulnerabilityReport) yield return (ClockKind.Fix, policy.FixTarget);
        if (Kind == IncidentKind.VulnerabilityReport) yield return (ClockKind.Disclosure, policy.DisclosureWindow);
    }

    private void ReplanClocks(SecurityPolicy policy, string actor, DateTimeOffset now)
    {
        var opened = OpenedAt.AsInstant();
        foreach (var (kind, span) in PlannedClocks(policy))
        {
            if (kind is ClockKind.Acknowledgement or ClockKind.Disclosure) continue; // not severity-dependent
            var due = opened + span;
            var record = _clocks.FirstOrDefault(c => c.Kind == kind);
            if (record is null)
            {
                _clocks.Add(new ClockRecord(kind, opened, due));
                Record(now, actor, TimelineKind.ClockChanged, $"{kind.ToWire()} clock started, due {due.UtcDateTime:u}");
            }
            else if (record.StoppedAt is null && record.DueAt != due.UtcDateTime)
            {
                var old = record.ToClock().DueAt;
                record.DueAt = due.UtcDateTime;
                Record(now, actor, TimelineKind.ClockChanged, $"{kind.ToWire()} clock due {old.UtcDateTime:u} → {due.UtcDateTime:u}");
            }
        }
    }
}
