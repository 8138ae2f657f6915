using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Threads;
namespace Firebreak.Web.Features.Intake.Portal;

/// <summary>What the reporter's portal shows: the stage, the shared thread, the credit.</summary>
internal sealed record PortalJson(string Project, string Reference, string Title, string Stage, DateTime ReceivedAt,
    bool Acknowledged, string Credit, string? CreditName, bool Consent, IReadOnlyList<MessageJson> Messages, IReadOnlyList<AttachmentJson> Attachments);

/// <summary>A reporter's change of how they are credited.</summary>
internal sealed record CreditRequest(string? Credit, string? CreditName, bool Consent);
