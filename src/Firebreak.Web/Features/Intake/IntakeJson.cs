namespace Firebreak.Web.Features.Intake;

/// <summary>Answer to a report submission: the reference, and the private link (shown once).</summary>
internal sealed record ReportReceiptJson(string Reference, string PortalUrl, string Token, bool AcknowledgementQueued, int Attachments);

/// <summary>Answer to a submission the project holds until the reporter confirms their address (202).</summary>
internal sealed record HeldReportJson(string Status, string Contact, DateTime ExpiresAt, int Attachments, string Message);

/// <summary>An attachment as listed (never its content): what the detector found, its size and hash, who added it and when.</summary>
internal sealed record AttachmentJson(Guid Id, string FileName, string Type, long Size, string Sha256, string UploadedBy, DateTime UploadedAt);

/// <summary>What the reporter's portal shows: the stage, the shared thread, the credit.</summary>
internal sealed record PortalJson(string Project, string Reference, string Title, string Stage, DateTime ReceivedAt,
    bool Acknowledged, string Credit, string? CreditName, bool Consent, IReadOnlyList<MessageJson> Messages, IReadOnlyList<AttachmentJson> Attachments);

internal sealed record MessageJson(Guid Id, string Author, bool FromReporter, bool Shared, string Body, DateTime CreatedAt)
{
    public static MessageJson From(ReportMessage m) => new(m.Id, m.Author, m.FromReporter, m.Shared, m.Body, m.CreatedAt);

    /// <summary>The portal never names maintainers: their messages come from "the maintainers".</summary>
    public static MessageJson ForReporter(ReportMessage m) =>
        new(m.Id, m.FromReporter ? "you" : "the maintainers", m.FromReporter, true, m.Body, m.CreatedAt);
}

internal sealed record MessageRequest(string? Body, bool Shared);

internal sealed record CreditRequest(string? Credit, string? CreditName, bool Consent);
