using Firebreak.Web.Features.Notifications;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// Something worth telling a project's chat channels.
/// </summary>
/// <param name="EventKind">One of <see cref="NotificationEvents"/>; only channels subscribed to it get the message.</param>
/// <param name="Severity">The severity as people say it (<c>critical</c>, <c>high</c>, …), or null when the thing has none.</param>
/// <param name="Summary">
/// What happened, fit for any channel, including public ones: the kind of thing and its severity ("Incident #12 opened:
/// high, reported vulnerability"), never an embargoed detail (no title of an undisclosed flaw, no package, no reporter).
/// </param>
/// <param name="EmbargoedDetail">More, sent only to channels a project admin marked private; null for none.</param>
/// <param name="Link">An absolute link to the thing in Firebreak (people follow it and sign in to see the rest).</param>
/// <param name="DedupeKey">
/// What makes this notice unique (<c>incident-opened:{incidentId}</c>, <c>clock-at-risk:{clockId}:{dueAt}</c>): a notice
/// added again with the same key is not sent again to the same channel.
/// </param>
/// <param name="OccurredAt">When it happened.</param>
[PublicFace]
internal sealed record ChatNotice(string EventKind, string? Severity, string Summary, string? EmbargoedDetail, string Link, string DedupeKey,
    DateTimeOffset OccurredAt);
