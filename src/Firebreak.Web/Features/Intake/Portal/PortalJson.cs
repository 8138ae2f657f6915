using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Threads;
namespace Firebreak.Web.Features.Intake.Portal;

/// <summary>
/// What the reporter's portal shows: the stage, the shared thread, the credit, and once it is public the advisory
/// (<c>advisory</c>: id, url, publicSince, withdrawn; null before).
/// </summary>
internal sealed record PortalJson(string Project, string Reference, string Title, string Stage, DateTime ReceivedAt,
    bool Acknowledged, string Credit, string? CreditName, bool Consent, IReadOnlyList<MessageJson> Messages, IReadOnlyList<AttachmentJson> Attachments,
    PortalAdvisory? Advisory);

/// <summary>A reporter's change of how they are credited.</summary>
internal sealed record CreditRequest(string? Credit, string? CreditName, bool Consent);
