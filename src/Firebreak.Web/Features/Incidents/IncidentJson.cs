using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Incidents;

/// <summary>An incident as the API shows it; instants are UTC (ISO 8601 with Z).</summary>
internal sealed record IncidentJson(
    Guid Id, string Project, int Number, string Kind, string Title, string Summary,
    string Severity, string RequestedSeverity, string? SeverityReason, string? UserSafetyClass,
    string Stage, Guid? DuplicateOf, DateTime OpenedAt, DateTime UpdatedAt,
    ReporterJson? Reporter, DetailsDocument Details, IReadOnlyDictionary<string, string> Assignments,
    IReadOnlyList<ClockJson> Clocks, IReadOnlyList<RunJson> Playbooks, DateTime? ClosedAt)
{
    public static IncidentJson From(Incident i, string projectSlug, PlaybookCatalog catalog, DateTimeOffset now) => new(
        i.Id, projectSlug, i.Number, i.Kind.ToWire(), i.Title, i.Summary,
        i.Severity.ToWire(), i.RequestedSeverity.ToWire(), i.SeverityReason, i.UserSafetyClass,
        i.Stage.ToWire(), i.DuplicateOf, i.OpenedAt, i.UpdatedAt,
        i.Reporter is { } r ? new ReporterJson(r.Contact, r.Preference.ToWire(), r.CreditName, r.Consent) : null,
        DetailsDocument.From(i.Details),
        i.Assignments.ToDictionary(a => a.Role.Name, a => a.Person),
        [.. i.Clocks.Select(c => ClockJson.From(c, now))],
        [.. i.Runs.Select(r => RunJson.From(r, catalog))], i.ClosedAt);
}

/// <summary>A deadline clock: due instant, time left in whole seconds (negative when overdue), state.</summary>
internal sealed record ClockJson(string Kind, DateTime StartedAt, DateTime DueAt, DateTime? StoppedAt, long RemainingSeconds, string State)
{
    public static ClockJson From(SlaClock c, DateTimeOffset now) => new(
        c.Kind.ToWire(), c.StartedAt.UtcDateTime, c.DueAt.UtcDateTime, c.StoppedAt?.UtcDateTime,
        (long)Math.Floor(c.RemainingAt(now).TotalSeconds), c.StateAt(now).ToWire());
}

internal sealed record ReporterJson(string? Contact, string Credit, string? CreditName, bool Consent);

internal sealed record TimelineJson(Guid Id, DateTime At, string Actor, string Kind, string Text)
{
    public static TimelineJson From(TimelineEntry e) => new(e.Id, e.At, e.Actor, e.Kind.ToWire(), e.Text);
}

/// <summary>Body of <c>POST /api/v1/projects/{slug}/incidents</c>.</summary>
internal sealed record OpenIncidentRequest(
    string? Kind, string? Title, string? Summary, string? Severity, string? UserSafetyClass,
    ReporterJson? Reporter, DetailsDocument? Details, string? Playbook)
{
    /// <summary>The request read into typed values; a bad kind, severity, credit or playbook names itself.</summary>
    public IncidentOpening ToOpening(PlaybookCatalog catalog, string actor, IncidentSource source)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var reporter = Reporter is { } r
            ? new Reporter(r.Contact, WireNames.Parse<CreditPreference>(r.Credit ?? "anonymous", "credit preference"), r.CreditName, r.Consent)
            : null;
        return new IncidentOpening(WireNames.Parse<IncidentKind>(Kind, "incident kind"), Title ?? "", Summary,
            WireNames.Parse<Severity>(Severity, "severity"), source, actor)
        {
            UserSafetyClass = string.IsNullOrWhiteSpace(UserSafetyClass) ? null : UserSafetyClass,
            Reporter = reporter,
            Details = Details?.ToDetails(),
            Playbook = Playbook is { Length: > 0 } id ? catalog.Find(id) ?? throw new DomainException($"There is no playbook '{id}'.") : null,
        };
    }
}

/// <summary>Body of <c>PATCH /api/v1/incidents/{id}</c>: every field optional; absent means unchanged.</summary>
internal sealed record PatchIncidentRequest(
    string? Severity, string? UserSafetyClass, string? Stage, string? StageReason, Guid? DuplicateOf,
    IReadOnlyDictionary<string, string?>? Assignments, DetailsDocument? Details, string? Title, string? Summary, string? Note)
{
    /// <summary>Severity, stage and assignments are triage; the rest is work.</summary>
    public bool IsTriage => Severity is not null || UserSafetyClass is not null || Stage is not null || DuplicateOf is not null || Assignments is not null;
}
