using System.Net.Mail;
using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Errors;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Files a report from the public intake: a <c>vulnerability-report</c> incident in the discovery
/// stage with its clocks running and the four-stage playbook started, the reporter's private
/// link, the acknowledgement (when the project sends it at once) and the triage notifications —
/// all in one commit, so a report the reporter saw accepted is never lost, and nothing is sent
/// for a report that did not commit.
/// </summary>
internal sealed class SubmitReport(FirebreakDbContext db, TimeProvider time, PlaybookLibrary playbooks,
    ReportMail mail, IConfiguration configuration)
{
    public const string Actor = "reporter";

    public async Task<ReportReceipt> ExecuteAsync(Project project, ReportSubmission submission, string baseUrl, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(submission.Website)) throw new DomainException("The report was refused: a field meant to stay empty was filled in.");
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id);
        if (!settings.Accepting) throw new DomainException($"{project.Name} is not accepting reports through this form.");
        await CheckProjectRateAsync(project, ct);

        var contact = CheckContact(submission.Contact);
        var reporter = new Reporter(contact, WireNames.Parse<CreditPreference>(submission.Credit ?? "anonymous", "credit preference"),
            submission.CreditName, submission.Consent);
        var (severity, v3, v4) = ReadCvss(submission.CvssVector);
        var affected = submission.AffectedVersions?.Trim();
        if (affected is { Length: > 2000 }) throw new DomainException("Affected versions are longer than 2,000 characters.");
        var playbook = playbooks.Catalog.DefaultFor(IncidentKind.VulnerabilityReport, userSafety: false);

        string token = "";
        var queued = false;
        var incident = await db.AddNumberedAsync(project.Id, number =>
        {
            var now = time.GetUtcNow();
            var incident = Incident.Open(project.Id, number, IncidentKind.VulnerabilityReport, submission.Title ?? "",
                submission.Description, severity, null, reporter, project.Policy, Actor, now);
            if (v3 is not null || v4 is not null || !string.IsNullOrEmpty(affected))
                incident.UpdateDetails(new IncidentDetails(v3, v4, [], affected, null, []), Actor, now);
            if (playbook is not null) incident.StartPlaybook(playbook, Actor, now);
            return incident;
        }, async incident =>
        {
            var (link, issued) = ReporterLink.Issue(project.Id, incident.Id, time.GetUtcNow());
            token = issued;
            db.Add(link);
            queued = settings.AutoAcknowledge && await mail.QueueAcknowledgementAsync(project, incident, settings, PortalUrl(baseUrl, issued), ct);
            await mail.QueueTriageNotificationsAsync(project, incident, baseUrl, ct);
        }, ct);
        return new ReportReceipt(incident.Id, incident.Number, token, queued);
    }

    public static string PortalUrl(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/r/{token}";

    /// <summary>A project takes at most <c>Intake:PerProjectPerHour</c> reports an hour (counted in the database, so across servers).</summary>
    private async Task CheckProjectRateAsync(Project project, CancellationToken ct)
    {
        var limit = configuration.GetValue("Intake:PerProjectPerHour", 200);
        var since = time.GetUtcNow().AddHours(-1).UtcDateTime;
        var recent = await db.Incidents.CountAsync(i => i.ProjectId == project.Id && i.Kind == IncidentKind.VulnerabilityReport && i.OpenedAt > since, ct);
        if (recent >= limit) throw new TooManyRequestsException($"{project.Name} has received too many reports in the last hour; try again later.", TimeSpan.FromHours(1));
    }

    private static string? CheckContact(string? contact)
    {
        contact = contact?.Trim();
        if (string.IsNullOrEmpty(contact)) return null;
        if (contact.Length > 320 || !MailAddress.TryCreate(contact, out var address) || address.Address != contact || !contact.Contains('@', StringComparison.Ordinal))
            throw new DomainException($"The contact '{Truncate(contact)}' is not an e-mail address.");
        return contact;
    }

    private static (Severity Severity, string? V3, string? V4) ReadCvss(string? vector)
    {
        if (string.IsNullOrWhiteSpace(vector)) return (Severity.Medium, null, null);
        var result = CvssScorer.Score(vector.Trim());
        if (!result.IsValid) throw new DomainException($"The CVSS vector is not valid: {result.Error}.");
        var severity = result.Severity switch
        {
            CvssSeverity.None or CvssSeverity.Low => Severity.Low,
            CvssSeverity.Medium => Severity.Medium,
            CvssSeverity.High => Severity.High,
            CvssSeverity.Critical => Severity.Critical,
        };
        return result.Version == CvssVersion.V40 ? (severity, null, result.Canonical) : (severity, result.Canonical, null);
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
