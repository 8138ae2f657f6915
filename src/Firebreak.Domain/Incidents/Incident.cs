using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// A security incident: what happened, how severe, where it stands, its deadline clocks, who
/// holds which role, and its append-only timeline. Every change goes through a method that checks
/// the rules and writes the timeline; nothing outside sets state directly.
/// </summary>
public sealed partial class Incident
{
    private readonly List<ClockRecord> _clocks = [];
    private readonly List<Assignment> _assignments = [];
    private readonly List<TimelineEntry> _timeline = [];

    private Incident()
    {
        Title = "";
        Summary = "";
    }

    /// <summary>Identifier (not guessable: random part of a version-7 GUID).</summary>
    public Guid Id { get; private set; }

    /// <summary>The owning project.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>Sequence number within the project, for people (#12).</summary>
    public int Number { get; private set; }

    /// <summary>What happened.</summary>
    public IncidentKind Kind { get; private set; }

    /// <summary>One-line title.</summary>
    public string Title { get; private set; }

    /// <summary>Summary in Markdown (rendered through the sanitiser).</summary>
    public string Summary { get; private set; }

    /// <summary>The severity the triager asked for.</summary>
    public Severity RequestedSeverity { get; private set; }

    /// <summary>The effective severity after the policy's rules.</summary>
    public Severity Severity { get; private set; }

    /// <summary>Why the effective severity differs from the requested one, if it does.</summary>
    public string? SeverityReason { get; private set; }

    /// <summary>The user-safety class, if the incident is a user-safety bug.</summary>
    public string? UserSafetyClass { get; private set; }

    /// <summary>Where the incident stands.</summary>
    public IncidentStage Stage { get; private set; }

    /// <summary>The channel it came in through.</summary>
    public IncidentSource Source { get; private set; }

    /// <summary>When it was opened (UTC); the clocks start here.</summary>
    public DateTime OpenedAt { get; private set; }

    /// <summary>
    /// Counts the changes to this incident; each timeline entry takes the next value as its
    /// sequence. The server uses it as the optimistic-concurrency token, so two people changing
    /// the same incident at once cannot overwrite each other silently.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The reporter, for reported incidents.</summary>
    public Reporter? Reporter { get; private set; }

    /// <summary>Technical details: vectors, weaknesses, versions, identifiers.</summary>
    public IncidentDetails Details { get; private set; } = IncidentDetails.Empty;

    /// <summary>The stored clocks.</summary>
    public IReadOnlyList<ClockRecord> ClockRecords => _clocks;

    /// <summary>Role assignments for this incident.</summary>
    public IReadOnlyList<Assignment> Assignments => _assignments;

    /// <summary>The timeline entries loaded with this incident (all of them when it was opened here).</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>The clocks as values, in <see cref="ClockKind"/> order.</summary>
    public IEnumerable<SlaClock> Clocks => _clocks.OrderBy(c => c.Kind).Select(c => c.ToClock());

    /// <summary>True in the ended stages.</summary>
    public bool IsClosed => Stage is IncidentStage.Closed or IncidentStage.Rejected or IncidentStage.Duplicate;

    /// <summary>Opens an incident, applying the policy's severity rule and starting its clocks.</summary>
    public static Incident Open(Guid projectId, int number, IncidentKind kind, string title, string? summary,
        Severity requested, string? userSafetyClass, Reporter? reporter, SecurityPolicy policy, string actor, DateTimeOffset now,
        IncidentSource source = IncidentSource.Api)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), number, "Incident numbers start at 1.");
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            Number = number,
            Kind = kind,
            Title = CheckTitle(title),
            Summary = CheckSummary(summary),
            Stage = IncidentStage.Discovery,
            OpenedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
            Reporter = reporter,
            Source = source,
        };
        var userSafety = NormaliseUserSafety(userSafetyClass);
        var (severity, reason) = SeverityRule.Apply(requested, userSafety, policy);
        incident.RequestedSeverity = requested;
        incident.Severity = severity;
        incident.SeverityReason = reason;
        incident.UserSafetyClass = userSafety;
        incident.Record(now, actor, TimelineKind.Opened,
            $"Opened {kind.ToWire()} incident as {severity.ToWire()}" + (reason is null ? "" : $" ({reason})"));
        foreach (var (clock, due) in incident.PlannedClocks(policy))
        {
            incident._clocks.Add(new ClockRecord(clock, now, now + due));
        }
        return incident;
    }

    /// <summary>Edits the title and summary.</summary>
    public void Rename(string title, string? summary, string actor, DateTimeOffset now)
    {
        var newTitle = CheckTitle(title);
        var newSummary = CheckSummary(summary);
        if (newTitle == Title && newSummary == Summary) return;
        Title = newTitle;
        Summary = newSummary;
        Record(now, actor, TimelineKind.DetailsChanged, "Edited the title and summary");
    }

    /// <summary>Adds a free-text note to the timeline.</summary>
    public void AddNote(string text, string actor, DateTimeOffset now)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) throw new DomainException("A note cannot be empty.");
        if (text.Length > 20_000) throw new DomainException("A note is longer than 20,000 characters.");
        Record(now, actor, TimelineKind.Note, text);
    }

    /// <summary>Replaces the technical details, recording what changed.</summary>
    public void UpdateDetails(IncidentDetails details, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var changes = Details.Describe(details);
        if (changes.Count == 0) return;
        Details = details;
        Record(now, actor, TimelineKind.DetailsChanged, "Details: " + string.Join("; ", changes));
        if (CveIdRecorded is { } cve) StopClock(ClockKind.CveAssignment, $"{cve} recorded", actor, now);
    }

    /// <summary>Assigns a role to a person, or clears it with null or blank.</summary>
    public void Assign(Role role, string? person, string actor, DateTimeOffset now)
    {
        person = person?.Trim();
        if (person is { Length: > 200 }) throw new DomainException("An assignee is longer than 200 characters.");
        var existing = _assignments.FirstOrDefault(a => a.Role == role);
        if (string.IsNullOrEmpty(person))
        {
            if (existing is null) return;
            _assignments.Remove(existing);
            Record(now, actor, TimelineKind.Assigned, $"Unassigned {role} (was {existing.Person})");
            return;
        }
        if (existing?.Person == person) return;
        if (existing is null) _assignments.Add(new Assignment(role, person));
        else existing.Person = person;
        Record(now, actor, TimelineKind.Assigned, existing is null
            ? $"Assigned {role} to {person}"
            : $"Reassigned {role} from {existing.Person} to {person}");
    }

    private void Record(DateTimeOffset now, string actor, TimelineKind kind, string text)
    {
        Version++;
        _timeline.Add(new TimelineEntry(Id, Version, now, actor, kind, text));
        UpdatedAt = now.UtcDateTime;
    }

    private static string CheckTitle(string? title)
    {
        title = (title ?? "").Trim();
        if (title.Length == 0) throw new DomainException("An incident needs a title.");
        if (title.Length > 200) throw new DomainException("The title is longer than 200 characters.");
        return title;
    }

    private static string CheckSummary(string? summary)
    {
        summary = (summary ?? "").Trim();
        return summary.Length <= 100_000 ? summary : throw new DomainException("The summary is longer than 100,000 characters.");
    }

    private static string? NormaliseUserSafety(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();
}
