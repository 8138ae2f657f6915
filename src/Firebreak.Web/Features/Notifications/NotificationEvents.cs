namespace Firebreak.Web.Features.Notifications;

/// <summary>One kind of thing a person can be told about, with what it says and whether it is e-mailed by default.</summary>
[PublicFace]
internal sealed record NotificationEvent(string Kind, string Label, string Explanation, bool EmailByDefault);

/// <summary>
/// The events Firebreak tells people about. Every notice in the inbox, the outbox and the chat channels carries one of
/// these kinds (a chat channel subscribes to some of them); each account chooses which of them it also wants by e-mail (<see cref="NotificationSettings"/>).
/// </summary>
[PublicFace]
internal static class NotificationEvents
{
    public const string ReportReceived = "report-received";
    public const string IncidentOpened = "incident-opened";
    public const string ClockAtRisk = "clock-at-risk";
    public const string ClockBreached = "clock-breached";
    public const string ReviewRequested = "review-requested";
    public const string ReviewApproved = "review-approved";
    public const string ReviewReturned = "review-returned";
    public const string AdvisoryScheduled = "advisory-scheduled";
    public const string AdvisoryPublished = "advisory-published";
    public const string ReporterReplied = "reporter-replied";
    public const string ActionItemDue = "action-item-due";
    public const string ActionItemOverdue = "action-item-overdue";
    public const string CveDeadline = "cve-deadline";

    /// <summary>A chat channel's test message; nobody subscribes to it, it goes to the one channel tested.</summary>
    public const string Test = "test";

    /// <summary>Every event, in the order the settings page lists them.</summary>
    public static readonly IReadOnlyList<NotificationEvent> All =
    [
        new(ReportReceived, "New report", "A reporter filed a security report in a project where you triage.", true),
        new(IncidentOpened, "Incident opened", "An incident opened by hand, by the watch, a webhook or a trigger, in a project where you triage.", true),
        new(ClockAtRisk, "Clock at risk", "A deadline you own has a quarter of its time left.", true),
        new(ClockBreached, "Clock breached", "A deadline you own, or one the policy escalates to you, has passed.", true),
        new(ReviewRequested, "Review requested", "An advisory waits for your approval.", true),
        new(ReviewApproved, "Review approved", "An advisory you asked to have reviewed was approved.", true),
        new(ReviewReturned, "Review returned", "An advisory you asked to have reviewed came back with the reviewer's reason.", true),
        new(AdvisoryScheduled, "Advisory scheduled", "An advisory of an incident you work on has a publication instant.", false),
        new(AdvisoryPublished, "Advisory published", "An advisory of an incident you work on became public.", true),
        new(ReporterReplied, "Reporter replied", "The reporter wrote on the thread of an incident you work on.", true),
        new(ActionItemDue, "Action item due soon", "A follow-up you own has a quarter of its time left.", true),
        new(ActionItemOverdue, "Action item overdue", "A follow-up you own, or one in an incident you manage, is past its due date.", true),
        new(CveDeadline, "CVE deadlines", "A CVE deadline of the CNA rules (an id within 72 hours of a valid report, the record within 72 hours of disclosure) is at risk or has passed, or a CVE Services call keeps failing.", true),
    ];

    /// <summary>Every kind, in the same order.</summary>
    public static readonly IReadOnlyList<string> Kinds = [.. All.Select(e => e.Kind)];

    private static readonly Dictionary<string, NotificationEvent> ByKind = All.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public static bool IsKnown(string kind) => ByKind.ContainsKey(kind);

    public static NotificationEvent Describe(string kind) => ByKind.TryGetValue(kind, out var e) ? e : new(kind, kind, "", false);

    /// <summary>The kinds e-mailed to an account that has chosen nothing.</summary>
    public static IReadOnlySet<string> EmailDefaults { get; } = All.Where(e => e.EmailByDefault).Select(e => e.Kind).ToHashSet(StringComparer.Ordinal);
}
