using System.Globalization;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Templates;
using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The disclosure's messages, each into the outbox of the caller's unit of work under a key that makes it unique:
/// the private notice (private list and repository owners, optionally held until an instant before the public date)
/// and the public announcement (public lists, when the advisory goes public).
/// </summary>
internal sealed class DisclosureMail(Outbox outbox, LiquidTemplates templates, MarkdownRenderer markdown)
{
    public const string PrivateNoticePurpose = "private-disclosure-notice";
    public const string AnnouncementPurpose = "public-disclosure-announcement";

    /// <summary>Queues the private notice to every private contact and repository owner; returns how many were queued.</summary>
    public async Task<int> QueuePrivateNoticeAsync(Project project, AdvisoryPublication publication, SecurityAdvisory advisory, DisclosureSettings settings,
        DateTimeOffset? disclosureDate, string advisoryUrl, DateTimeOffset sendAt, CancellationToken ct)
    {
        var values = Values(project, advisory, disclosureDate, advisoryUrl);
        var subject = await templates.RenderLineAsync(settings.PrivateNoticeSubject, values);
        var body = await templates.RenderAsync(settings.PrivateNoticeBody, values);
        var queued = 0;
        foreach (var to in settings.PrivateRecipients.Concat(settings.RepositoryOwners).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = $"private-notice:{publication.IncidentId}:v{publication.Version}:{to.ToLowerInvariant()}";
            if (await outbox.EnqueueAsync(new MailDraft(key, to, subject, body, markdown.Render(body).ToString(), PrivateNoticePurpose,
                project.Id, publication.IncidentId, NotBefore: sendAt), ct)) queued++;
        }
        return queued;
    }

    /// <summary>Queues the public announcement to every public list; once per advisory and list.</summary>
    public async Task<int> QueueAnnouncementAsync(Project project, AdvisoryPublication publication, SecurityAdvisory advisory, DisclosureSettings settings,
        string advisoryUrl, CancellationToken ct)
    {
        var values = Values(project, advisory, advisory.Timeline.Published, advisoryUrl);
        var subject = await templates.RenderLineAsync(settings.AnnouncementSubject, values);
        var body = await templates.RenderAsync(settings.AnnouncementBody, values);
        var queued = 0;
        foreach (var to in settings.PublicRecipients)
        {
            if (await outbox.EnqueueAsync(new MailDraft($"announcement:{publication.IncidentId}:{to.ToLowerInvariant()}", to, subject, body,
                markdown.Render(body).ToString(), AnnouncementPurpose, project.Id, publication.IncidentId), ct)) queued++;
        }
        return queued;
    }

    /// <summary>The values the disclosure templates see (listed in docs/disclosure.md); also what the settings page previews with.</summary>
    public static Dictionary<string, object?> Values(Project project, SecurityAdvisory advisory, DateTimeOffset? disclosureDate, string advisoryUrl)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(advisory);
        var cvss = advisory.Cvss4 ?? advisory.Cvss3;
        return new Dictionary<string, object?>
        {
            ["project"] = new Dictionary<string, object?> { ["name"] = project.Name, ["slug"] = project.Slug, ["repository"] = project.RepositoryUrl },
            ["advisory"] = new Dictionary<string, object?>
            {
                ["id"] = advisory.Id,
                ["summary"] = advisory.Summary,
                ["description"] = advisory.Description,
                ["severity"] = advisory.Severity?.ToString().ToLowerInvariant() ?? "unrated",
                ["product"] = string.Join(", ", advisory.Affected.Select(a => a.Package.Name).Distinct()) is { Length: > 0 } names ? names : project.Name,
                ["affected"] = AdvisoryMarkdown.AffectedText(advisory),
                ["patched"] = AdvisoryMarkdown.PatchedText(advisory),
                ["cve"] = advisory.CveId,
                ["ghsa"] = advisory.GhsaId,
                ["cwe"] = advisory.Cwes.Count > 0 ? string.Join(", ", advisory.Cwes.Select(c => c.Name is null ? c.Id : $"{c.Id} {c.Name}")) : null,
                ["cvss"] = cvss is null ? null : $"{cvss.Vector} ({cvss.Score.ToString("0.0", CultureInfo.InvariantCulture)})",
                ["user_safety_impact"] = advisory.UserSafetyImpact,
                ["remediation"] = advisory.Remediation,
                ["credit"] = advisory.ReporterCredit,
                ["url"] = advisoryUrl,
                ["cwe_ids"] = advisory.Cwes.Count > 0 ? string.Join(", ", advisory.Cwes.Select(c => c.Id)) : null,
                ["cvss_v4"] = AdvisoryMarkdown.CvssV4Text(advisory),
                ["acknowledged"] = AdvisoryMarkdown.DateText(advisory.Timeline.Acknowledged),
                ["triaged"] = AdvisoryMarkdown.DateText(advisory.Timeline.Triaged),
                ["fixed"] = AdvisoryMarkdown.DateText(advisory.Timeline.Fixed),
                ["published"] = AdvisoryMarkdown.DateText(advisory.Timeline.Published),
                ["scope"] = ChangelogLine.Scope(advisory),
                ["fix"] = ChangelogLine.Fix(advisory),
                ["impact"] = ChangelogLine.Impact(advisory),
            },
            ["disclosure"] = new Dictionary<string, object?>
            {
                ["date"] = disclosureDate?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "to be agreed",
            },
        };
    }
}
