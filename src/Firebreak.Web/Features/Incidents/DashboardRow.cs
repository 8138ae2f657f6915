using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Incidents;

/// <summary>What one dashboard row shows of an open incident: the columns it needs and its clocks, nothing else.</summary>
internal sealed record DashboardRow(Guid Id, int Number, string Title, string Slug, IncidentKind Kind, Severity Severity, string? UserSafetyClass,
    IncidentStage Stage, bool ActivelyExploited, IReadOnlyList<SlaClock> Clocks)
{
    /// <summary>The running clock due soonest, if any.</summary>
    public SlaClock? NearestRunningClock => Clocks.Where(c => c.IsRunning).MinBy(c => c.DueAt);

    /// <summary>The disclosure clock while it runs.</summary>
    public SlaClock? RunningDisclosure => Clocks.FirstOrDefault(c => c.Kind == ClockKind.Disclosure && c.IsRunning);

    /// <summary>The worst clock state at <paramref name="now"/> as a wire name ("none" without clocks), as the incident decides it.</summary>
    public string WorstStateAt(DateTimeOffset now)
    {
        var states = Clocks.Select(c => c.StateAt(now)).ToList();
        if (states.Count == 0) return "none";
        var worst = states.Contains(ClockState.Breached) ? ClockState.Breached
            : states.Contains(ClockState.AtRisk) ? ClockState.AtRisk
            : states.Contains(ClockState.Running) ? ClockState.Running : ClockState.Met;
        return Domain.Common.WireNames.ToWire(worst);
    }
}

/// <summary>How many open incidents the dashboard's filter selects of one stage and severity.</summary>
internal sealed record DashboardCount(IncidentStage Stage, Severity Severity, int Open);

/// <summary>One page of the dashboard, the counts over every incident the filter selects, and how many of those are breached or at risk now.</summary>
internal sealed record DashboardPage(IReadOnlyList<DashboardRow> Rows, IReadOnlyList<DashboardCount> Counts, int Breached, int AtRisk, int Page, int PageSize)
{
    public int Total => Counts.Sum(c => c.Open);
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int CountOf(Severity severity) => Counts.Where(c => c.Severity == severity).Sum(c => c.Open);
    public int CountOf(IncidentStage stage) => Counts.Where(c => c.Stage == stage).Sum(c => c.Open);
}
