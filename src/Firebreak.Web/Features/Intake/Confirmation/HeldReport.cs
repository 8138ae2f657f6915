using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Intake.Confirmation;

/// <summary>
/// A report kept, exactly as submitted, while the project waits for the reporter to confirm their
/// e-mail address. It is durable (the reporter was told it arrived) but not yet an incident: no
/// clocks, no playbook, no notifications. The confirmation link's token is 256 random bits, stored
/// only as its SHA-256, and lasts until <see cref="ExpiresAt"/>. Once confirmed it points at the
/// incident it became; it is never deleted.
/// </summary>
internal sealed class HeldReport
{
    private HeldReport() { }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public string? AffectedVersions { get; private set; }

    public string? CvssVector { get; private set; }

    /// <summary>The address the confirmation went to.</summary>
    public string Contact { get; private set; } = "";

    public string? Credit { get; private set; }

    public string? CreditName { get; private set; }

    public bool Consent { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>The channel it came in through; the incident it becomes keeps it.</summary>
    public Firebreak.Domain.Incidents.IncidentSource Source { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the confirmation token.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The link works before this instant (exclusive).</summary>
    public DateTime ExpiresAt { get; private set; }

    /// <summary>When the reporter confirmed; also the concurrency token, so one link files one incident.</summary>
    public DateTime? ConfirmedAt { get; private set; }

    public Guid? IncidentId { get; private set; }

    /// <summary>Keeps a checked submission and issues the confirmation token (returned once, never stored).</summary>
    public static (HeldReport Report, string Token) Hold(Guid projectId, ReportSubmission submission, string contact, Firebreak.Domain.Incidents.IncidentSource source,
        DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var token = Secrets.New();
        var report = new HeldReport
        {
            Id = Guid.CreateVersion7(now), ProjectId = projectId, Title = (submission.Title ?? "").Trim(), Description = submission.Description,
            AffectedVersions = submission.AffectedVersions?.Trim(), CvssVector = submission.CvssVector?.Trim(), Contact = contact,
            Credit = submission.Credit, CreditName = submission.CreditName, Consent = submission.Consent, ReceivedAt = now.UtcDateTime, Source = source,
            TokenHash = Secrets.Hash(token), ExpiresAt = (now + lifetime).UtcDateTime,
        };
        return (report, token);
    }

    /// <summary>The submission as it came, to file it now.</summary>
    public ReportSubmission Submission() => new(Title, Description, AffectedVersions, CvssVector, Contact, Credit, CreditName, Consent);

    /// <summary>Replaces the address with a marker (the reporter asked to be forgotten); the report itself stays as it came.</summary>
    public void RedactContact(string marker) => Contact = marker;

    public bool IsExpired(DateTimeOffset now) => now.UtcDateTime >= ExpiresAt;

    /// <summary>Records that the report was filed as the incident.</summary>
    public void Confirm(Guid incidentId, DateTimeOffset now)
    {
        if (ConfirmedAt is not null) throw new InvalidOperationException("This report was already confirmed.");
        ConfirmedAt = now.UtcDateTime;
        IncidentId = incidentId;
    }
}
