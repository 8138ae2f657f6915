using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Incidents;
using Firebreak.Web.Infrastructure.Mail;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// A submission read into typed values: the reporter, the severity from the CVSS vector (else
/// medium) and the details. Reading it throws a <see cref="DomainException"/> naming the first bad
/// field, so a report is checked completely before anything is kept or filed.
/// </summary>
internal sealed record ReportDraft(string? Title, string? Description, Severity Severity, string? V3, string? V4, string? AffectedVersions, Reporter Reporter)
{
    public static ReportDraft Read(ReportSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var contact = CheckContact(submission.Contact);
        var reporter = new Reporter(contact, WireNames.Parse<CreditPreference>(submission.Credit ?? "anonymous", "credit preference"),
            submission.CreditName, submission.Consent);
        var (severity, v3, v4) = ReadCvss(submission.CvssVector);
        var affected = submission.AffectedVersions?.Trim();
        if (affected is { Length: > 2000 }) throw new DomainException("Affected versions are longer than 2,000 characters.");
        return new ReportDraft(submission.Title, submission.Description, severity, v3, v4, affected, reporter);
    }

    /// <summary>What opens the incident this report becomes (its clocks start when it opens).</summary>
    public IncidentOpening ToOpening(IncidentSource source) =>
        new(IncidentKind.VulnerabilityReport, Title ?? "", Description, Severity, source, SubmitReport.Actor)
        {
            Reporter = Reporter,
            Details = V3 is not null || V4 is not null || !string.IsNullOrEmpty(AffectedVersions) ? new IncidentDetails(V3, V4, [], AffectedVersions, null, []) : null,
        };

    private static string? CheckContact(string? contact)
    {
        contact = contact?.Trim();
        if (string.IsNullOrEmpty(contact)) return null;
        if (!MailAddresses.IsPlain(contact))
            throw new DomainException($"The contact '{Truncate(contact)}' is not an e-mail address.");
        return contact;
    }

    private static (Severity Severity, string? V3, string? V4) ReadCvss(string? vector)
    {
        if (string.IsNullOrWhiteSpace(vector)) return (Severity.Medium, null, null);
        var result = CvssScorer.Score(vector.Trim());
        if (!result.IsValid) throw new DomainException($"The CVSS vector is not valid: {result.Error}.");
        var severity = Severities.FromCvss(result.Severity);
        return result.Version == CvssVersion.V40 ? (severity, null, result.Canonical) : (severity, result.Canonical, null);
    }

    private static string Truncate(string text) => Excerpt.Clip(text, 60);
}
