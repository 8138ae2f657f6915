namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>Answer to a report submission: the reference, and the private link (shown once).</summary>
internal sealed record ReportReceiptJson(string Reference, string PortalUrl, string Token, bool AcknowledgementQueued, int Attachments);

/// <summary>Answer to a submission the project holds until the reporter confirms their address (202).</summary>
internal sealed record HeldReportJson(string Status, string Contact, DateTime ExpiresAt, int Attachments, string Message);
