namespace Firebreak.Web.Features.Chat;

/// <summary>The kinds of thing a chat channel can be told about; a channel subscribes to some of them.</summary>
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

    /// <summary>The message a channel's test button sends; no channel subscribes to it, it goes to the one tested.</summary>
    public const string Test = "test";

    /// <summary>Every kind a channel may subscribe to, in the order pages list them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ReportReceived, IncidentOpened, ClockAtRisk, ClockBreached, ReviewRequested, ReviewApproved, ReviewReturned,
        AdvisoryScheduled, AdvisoryPublished, ReporterReplied, ActionItemDue, ActionItemOverdue, CveDeadline,
    ];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
