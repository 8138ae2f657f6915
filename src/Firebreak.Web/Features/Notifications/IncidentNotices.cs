using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Notifications;

/// <summary>
/// What each event of an incident's life says, and to whom (<see cref="Audience"/>). Every method adds to the caller's
/// unit of work through <see cref="Notifier"/> and writes nothing by itself. Escalation follows the policy's roles: a
/// clock at risk tells whoever owns it; a breached clock also tells the incident manager, and the board when the
/// incident is Critical.
/// </summary>
[PublicFace]
internal sealed class IncidentNotices(Notifier notifier, Audience audience)
{
    public async Task OpenedAsync(Project project, Incident incident, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        var report = incident.Reporter is not null;
        var roles = incident.Severity == Severity.Critical ? new[] { Role.TriageOwner, Role.Board } : [Role.TriageOwner];
        var what = report ? "New report" : $"Incident opened ({incident.Kind.ToWire()}, {SourceText(incident.Source)})";
        await TellAsync(project, incident, report ? NotificationEvents.ReportReceived : NotificationEvents.IncidentOpened,
            $"{what}: {incident.Title}", IncidentLink(incident), $"opened:{incident.Id}", roles, actor, ct);
    }

    public async Task ReviewRequestedAsync(Project project, Incident incident, AdvisoryPublication advisory, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var reviewers = (await audience.WithPermissionAsync(project.Id, Permission.Review, ct))
            .Where(p => p.Email is not null && advisory.WhyNotApprover(p.Email) is null);
        await notifier.TellAsync(Notice(project, incident, NotificationEvents.ReviewRequested,
            $"Review requested by {actor}: advisory {advisory.AdvisoryId} (version {advisory.Version})", AdvisoryLink(incident),
            $"review-requested:{incident.Id}:{incident.Version}", actor), reviewers, ct);
    }

    public Task ReviewApprovedAsync(Project project, Incident incident, AdvisoryPublication advisory, string actor, CancellationToken ct) =>
        TellAuthorsAsync(project, incident, advisory, NotificationEvents.ReviewApproved,
            $"Approved by {actor}: advisory {advisory.AdvisoryId}, to be public {Instant(advisory.PublishAt)}", $"review-approved:{incident.Id}:{incident.Version}", actor, ct);

    public Task ReviewReturnedAsync(Project project, Incident incident, AdvisoryPublication advisory, string actor, CancellationToken ct) =>
        TellAuthorsAsync(project, incident, advisory, NotificationEvents.ReviewReturned,
            $"Returned by {actor}: advisory {advisory.AdvisoryId}: {advisory.ReturnedReason}",
            $"review-returned:{incident.Id}:{incident.Version}", actor, ct);

    public Task ScheduledAsync(Project project, Incident incident, AdvisoryPublication advisory, string actor, CancellationToken ct) =>
        TellAsync(project, incident, NotificationEvents.AdvisoryScheduled, $"Advisory {advisory.AdvisoryId} scheduled: public {Instant(advisory.PublishAt)}",
            AdvisoryLink(incident), $"advisory-scheduled:{incident.Id}:{advisory.PublishAt?.Ticks}", [Role.IncidentManager, Role.ReleaseEngineer], actor, ct);

    public Task PublishedAsync(Project project, Incident incident, AdvisoryPublication advisory, string actor, CancellationToken ct) =>
        TellAsync(project, incident, NotificationEvents.AdvisoryPublished, $"Advisory {advisory.AdvisoryId} is public: {incident.Title}",
            AdvisoryLink(incident), $"advisory-published:{incident.Id}", [Role.IncidentManager, Role.ReleaseEngineer, Role.TriageOwner], actor, ct);

    public Task ReporterRepliedAsync(Project project, Incident incident, Guid messageId, CancellationToken ct) =>
        TellAsync(project, incident, NotificationEvents.ReporterReplied, $"The reporter replied on #{incident.Number}: {incident.Title}",
            $"/incidents/{incident.Id}/thread", $"reporter-replied:{messageId}", [Role.TriageOwner, Role.IncidentManager], null, ct);

    /// <summary>The key a clock's notice carries for its state; one notice per clock, state and due instant.</summary>
    public static string ClockKey(Guid incidentId, ClockKind kind, ClockState state, DateTime dueAt) =>
        $"{EventOf(kind, state)}{(IsCve(kind) ? ":" + state.ToWire() : "")}:{incidentId}:{kind.ToWire()}:{dueAt.Ticks}";

    /// <summary>The CNA rules' clocks are told as their own event, "CVE deadlines", so people can follow them apart.</summary>
    private static bool IsCve(ClockKind kind) => kind is ClockKind.CveAssignment or ClockKind.CveRecordPublication;

    private static string EventOf(ClockKind kind, ClockState state) =>
        IsCve(kind) ? NotificationEvents.CveDeadline : state == ClockState.Breached ? NotificationEvents.ClockBreached : NotificationEvents.ClockAtRisk;

    /// <summary>A CVE Services call for the incident gave up after its retries (once per call).</summary>
    public Task CveCallFailedAsync(Project project, Incident incident, Guid callId, string what, string error, CancellationToken ct) =>
        TellAsync(project, incident, NotificationEvents.CveDeadline, $"CVE Services: {what} for #{incident.Number} keeps failing: {error}",
            $"/incidents/{incident.Id}/cve", $"{NotificationEvents.CveDeadline}:call:{callId}", [Role.IncidentManager], null, ct);

    public Task ClockAsync(Project project, Incident incident, SlaClock clock, ClockState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(clock);
        var breached = state == ClockState.Breached;
        var roles = OwnersOf(clock.Kind).ToList();
        if (breached)
        {
            roles.Add(Role.IncidentManager);
            if (incident.Severity == Severity.Critical) roles.Add(Role.Board);
        }
        var title = breached
            ? $"Breached: the {ClockText(clock.Kind)} deadline of {incident.Severity.ToWire()} #{incident.Number} passed at {Instant(clock.DueAt.UtcDateTime)}"
            : $"At risk: the {ClockText(clock.Kind)} deadline of {incident.Severity.ToWire()} #{incident.Number} is {Instant(clock.DueAt.UtcDateTime)}";
        return TellAsync(project, incident, EventOf(clock.Kind, state), title, IncidentLink(incident),
            ClockKey(incident.Id, clock.Kind, state, clock.DueAt.UtcDateTime), roles, null, ct);
    }

    public static string ActionItemKey(Guid itemId, ClockState state, DateTime dueAt) =>
        $"{(state == ClockState.Breached ? NotificationEvents.ActionItemOverdue : NotificationEvents.ActionItemDue)}:{itemId}:{dueAt.Ticks}";

    public async Task ActionItemAsync(Project project, Incident incident, ActionItem item, ClockState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var overdue = state == ClockState.Breached;
        var people = new List<Person>();
        if (await audience.MemberAsync(project.Id, incident.Id, item.OwnerId, ct) is { } owner) people.Add(owner);
        if (overdue) people.AddRange(await audience.HoldersAsync(project, incident, [Role.IncidentManager], ct));
        var title = overdue
            ? $"Overdue since {Instant(item.DueAt)}: \"{item.Title}\" (follow-up of #{incident.Number})"
            : $"Due {Instant(item.DueAt)}: \"{item.Title}\" (follow-up of #{incident.Number})";
        await notifier.TellAsync(Notice(project, incident, overdue ? NotificationEvents.ActionItemOverdue : NotificationEvents.ActionItemDue, title,
            $"/incidents/{incident.Id}/postmortem", ActionItemKey(item.Id, state, item.DueAt), null), people, ct);
    }

    private static IEnumerable<Role> OwnersOf(ClockKind kind) => kind switch
    {
        ClockKind.Acknowledgement or ClockKind.FirstAction => [Role.TriageOwner],
        ClockKind.Fix => [Role.Admin, Role.IncidentManager],
        ClockKind.PostMortem => [Role.IncidentManager, Role.Board],
        _ => [Role.IncidentManager],
    };

    private async Task TellAuthorsAsync(Project project, Incident incident, AdvisoryPublication advisory, string kind, string title, string key, string actor,
        CancellationToken ct)
    {
        var roster = await audience.RosterAsync(project.Id, incident.Id, ct);
        var people = new[] { advisory.ReviewRequestedBy, advisory.UpdatedBy }.Select(roster.Named).OfType<Person>().ToList();
        await notifier.TellAsync(Notice(project, incident, kind, title, AdvisoryLink(incident), key, actor), people, ct);
    }

    private async Task TellAsync(Project project, Incident incident, string kind, string title, string link, string key, IEnumerable<Role> roles,
        string? actor, CancellationToken ct) =>
        await notifier.TellAsync(Notice(project, incident, kind, title, link, key, actor), await audience.HoldersAsync(project, incident, roles, ct), ct);

    private static Notice Notice(Project project, Incident incident, string kind, string title, string link, string key, string? actor) =>
        new(kind, project.Id, incident.Id, $"[{project.Name}] {title}", link, key, incident.Severity.ToWire(), actor,
            $"[{project.Name}] {NotificationEvents.Describe(kind).Label}: {incident.Severity.ToWire()} incident #{incident.Number}");

    private static string IncidentLink(Incident incident) => $"/incidents/{incident.Id}";

    private static string AdvisoryLink(Incident incident) => $"/incidents/{incident.Id}/advisory";

    private static string Instant(DateTime? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "(no date)";

    private static string ClockText(ClockKind kind) => kind switch
    {
        ClockKind.FirstAction => "first-action",
        ClockKind.Acknowledgement => "acknowledgement",
        ClockKind.Fix => "fix",
        ClockKind.Disclosure => "disclosure",
        ClockKind.PostMortem => "post-mortem",
        ClockKind.CveAssignment => "CVE assignment",
        ClockKind.CveRecordPublication => "CVE record publication",
        _ => kind.ToWire(),
    };

    private static string SourceText(IncidentSource source) => source switch
    {
        IncidentSource.Watch => "by the watch",
        IncidentSource.Webhook => "by a webhook",
        IncidentSource.Api => "through the API",
        _ => "by hand",
    };
}
