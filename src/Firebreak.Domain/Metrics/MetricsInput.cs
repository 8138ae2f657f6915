using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Metrics;

/// <summary>A CVE identifier and the instant it was first recorded on the incident (the timeline entry that added it).</summary>
public sealed record CveAssignment(string CveId, DateTimeOffset RecordedAt);

/// <summary>
/// What the metrics read of one incident: the instants its events happened (opened, each clock's start, due and stop,
/// closed), where it came from, how it was triaged, and the CVEs recorded on it with their instants. Nothing here is a
/// running total kept by someone: every figure is recomputed from these instants. The clocks are every clock the incident
/// carries, including one per follow-up action item (kind <see cref="ClockKind.ActionItem"/>).
/// </summary>
public sealed record MetricsIncident(
    Guid Id, Guid ProjectId, int Number, IncidentKind Kind, Severity Severity, IncidentSource Source, IncidentStage Stage,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<SlaClock> Clocks, IReadOnlyList<CveAssignment> Cves)
{
    /// <summary>True while the incident is in a working stage.</summary>
    public bool IsOpen => Stage is not (IncidentStage.Closed or IncidentStage.Rejected or IncidentStage.Duplicate);

    /// <summary>The verdict triage recorded (read from the stage-change entries), if any.</summary>
    public TriageVerdict? RecordedVerdict { get; init; }

    /// <summary>
    /// The triage outcome: untriaged while in discovery (also after a reopening); otherwise the verdict triage recorded,
    /// or, for an incident moved on without one, duplicate when it is a duplicate and "other" for the rest.
    /// </summary>
    public TriageVerdict Verdict => Stage switch
    {
        IncidentStage.Discovery => TriageVerdict.Untriaged,
        _ when RecordedVerdict is { } recorded => recorded,
        IncidentStage.Duplicate => TriageVerdict.Duplicate,
        _ => TriageVerdict.Other,
    };

    /// <summary>
    /// The last triage verdict among an incident's stage-change texts, in timeline order ("Stage discovery → assessment:
    /// triage verdict: valid"), or null when none records one.
    /// </summary>
    public static TriageVerdict? VerdictFrom(IEnumerable<string> stageChanges)
    {
        ArgumentNullException.ThrowIfNull(stageChanges);
        TriageVerdict? verdict = null;
        foreach (var text in stageChanges)
        {
            var at = text.IndexOf("triage verdict: ", StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = text[(at + "triage verdict: ".Length)..];
            verdict = rest.StartsWith("valid", StringComparison.Ordinal) ? TriageVerdict.Valid
                : rest.StartsWith("duplicate", StringComparison.Ordinal) ? TriageVerdict.Duplicate
                : rest.StartsWith("not a vulnerability", StringComparison.Ordinal) ? TriageVerdict.Informative
                : rest.StartsWith("out of scope", StringComparison.Ordinal) ? TriageVerdict.OutOfScope
                : rest.StartsWith("spam", StringComparison.Ordinal) ? TriageVerdict.Spam
                : verdict;
        }
        return verdict;
    }

    /// <summary>
    /// The CVE identifiers among <paramref name="identifiers"/> with the instant each was first recorded: the first
    /// details-changed timeline entry (in order) whose text names it, or the opening instant when no entry does.
    /// </summary>
    public static IReadOnlyList<CveAssignment> CvesFrom(IEnumerable<string> identifiers, IEnumerable<(DateTimeOffset At, string Text)> detailsChanges, DateTimeOffset openedAt)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(detailsChanges);
        var changes = detailsChanges.OrderBy(c => c.At).ToList();
        var list = new List<CveAssignment>();
        foreach (var id in identifiers.Where(i => CveId.TryParse(i, out _)))
        {
            var first = changes.FirstOrDefault(c => c.Text.Contains(id, StringComparison.OrdinalIgnoreCase));
            list.Add(new CveAssignment(id, first.Text is null ? openedAt : first.At));
        }
        return list;
    }
}

/// <summary>How triage ended for an incident: the verdict recorded in its thread, or what its stage shows.</summary>
public enum TriageVerdict
{
    /// <summary>Still in discovery: nobody has decided yet.</summary>
    Untriaged,
    /// <summary>A real vulnerability: on to assessment.</summary>
    Valid,
    /// <summary>Already reported: a duplicate of another incident.</summary>
    Duplicate,
    /// <summary>Not a vulnerability (informative).</summary>
    Informative,
    /// <summary>Outside the project's security scope.</summary>
    OutOfScope,
    /// <summary>Junk or abuse.</summary>
    Spam,
    /// <summary>Moved on (or rejected) without a recorded verdict: incidents that are not reports, mostly.</summary>
    Other,
}

/// <summary>The chosen period: from the start of <see cref="From"/> to the end of <see cref="To"/> (UTC dates, both inclusive).</summary>
public sealed record MetricsPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>True when <paramref name="at"/> lies in the period.</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The default: the twelve months up to and including today.</summary>
    public static MetricsPeriod LastYear(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new MetricsPeriod(today.AddYears(-1).AddDays(1), today);
    }

    /// <summary>
    /// Reads the period from the <c>from</c> and <c>to</c> parameters (yyyy-MM-dd; either may be absent: from defaults to a
    /// year before to, to to today). A <see cref="DomainException"/> names the parameter that is wrong.
    /// </summary>
    public static MetricsPeriod Parse(string? from, string? to, DateTimeOffset now)
    {
        var end = Date(to, "to") ?? DateOnly.FromDateTime(now.UtcDateTime);
        var start = Date(from, "from") ?? end.AddYears(-1).AddDays(1);
        if (start > end) throw new DomainException($"from: {start:yyyy-MM-dd} is after to ({end:yyyy-MM-dd}).");
        if (end.DayNumber - start.DayNumber > 366 * 20) throw new DomainException("from: the period is longer than twenty years.");
        return new MetricsPeriod(start, end);
    }

    private static DateOnly? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            && date.Year is >= 1970 and <= 9998
            ? date
            : throw new DomainException($"{name}: '{Cut(text)}' is not a date (expected yyyy-MM-dd, e.g. 2026-01-31).");
    }

    private static string Cut(string text) => Excerpt.Clip(text, 40);
}

/// <summary>A calendar quarter (UTC).</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    /// <summary>The quarter an instant falls in.</summary>
    public static Quarter Of(DateTimeOffset at) => new(at.UtcDateTime.Year, (at.UtcDateTime.Month - 1) / 3 + 1);

    /// <summary>The quarter after this one.</summary>
    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    /// <summary>The first instant of the quarter.</summary>
    public DateTimeOffset Start => new(Year, (Number - 1) * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    /// <summary>Less than.</summary>
    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    /// <summary>Greater than.</summary>
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    /// <summary>2026-Q1.</summary>
    public override string ToString() => $"{Year}-Q{Number}";
}
