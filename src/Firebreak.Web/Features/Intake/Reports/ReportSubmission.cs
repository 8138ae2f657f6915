namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>What a reporter sends, from the public form or <c>POST /api/v1/projects/{slug}/reports</c>.</summary>
/// <param name="Title">One line.</param>
/// <param name="Description">Markdown.</param>
/// <param name="AffectedVersions">Free text: which versions the reporter found affected.</param>
/// <param name="CvssVector">Optional CVSS v3.x or v4.0 vector; sets the severity on intake.</param>
/// <param name="Contact">Optional e-mail address for the acknowledgement and replies.</param>
/// <param name="Credit">real-name, handle or anonymous.</param>
/// <param name="CreditName">The name or handle to credit.</param>
/// <param name="Consent">Whether the reporter agrees to be credited publicly.</param>
/// <param name="Website">The honeypot: hidden from people, filled in by bots.</param>
internal sealed record ReportSubmission(string? Title, string? Description, string? AffectedVersions, string? CvssVector,
    string? Contact, string? Credit, string? CreditName, bool Consent, string? Website = null);

/// <summary>What the reporter gets back for a filed report: the reference and the private portal token (shown once).</summary>
internal sealed record ReportReceipt(Guid IncidentId, int Number, string Token, bool AcknowledgementQueued, int Attachments);

/// <summary>A report held until the reporter confirms the address it went to, by <paramref name="ExpiresAt"/>.</summary>
internal sealed record HeldReceipt(Guid HeldReportId, string Contact, DateTime ExpiresAt, int Attachments);

/// <summary>Exactly one of the two: filed now, or held for the reporter's confirmation.</summary>
internal sealed record ReportOutcome(ReportReceipt? Filed, HeldReceipt? Held);
