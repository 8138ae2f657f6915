namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// A file that came with a report (or was added later from the portal), kept in the database with
/// its SHA-256, size and detected type. It belongs to the incident once the report is filed, or to
/// the held report while the reporter has not yet confirmed their address. Never edited, never
/// served inline.
/// </summary>
internal sealed class ReportAttachment
{
    private ReportAttachment() { }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The filed report; null while the report is held for confirmation.</summary>
    public Guid? IncidentId { get; private set; }

    /// <summary>The held report it arrived with, if the report was held.</summary>
    public Guid? HeldReportId { get; private set; }

    /// <summary>The sanitised name (see <see cref="AttachmentContent.SafeName"/>).</summary>
    public string FileName { get; private set; } = "";

    public AttachmentType Type { get; private set; }

    /// <summary>Bytes.</summary>
    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>"reporter", or the account that added it.</summary>
    public string UploadedBy { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    public byte[] Content { get; private set; } = [];

    public static ReportAttachment From(AcceptedAttachment file, Guid projectId, Guid? incidentId, Guid? heldReportId, string uploadedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (incidentId is null == heldReportId is null) throw new ArgumentException("An attachment belongs to an incident or to a held report.");
        return new ReportAttachment
        {
            Id = Guid.CreateVersion7(now), ProjectId = projectId, IncidentId = incidentId, HeldReportId = heldReportId, FileName = file.FileName,
            Type = file.Type, Size = file.Content.LongLength, Sha256 = file.Sha256, UploadedBy = uploadedBy, UploadedAt = now.UtcDateTime,
            Content = file.Content,
        };
    }

    /// <summary>Whether the content still has the digest taken at upload.</summary>
    public bool IsIntact => string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content)), Sha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>The held report was confirmed and filed as this incident.</summary>
    public void FileWith(Guid incidentId) => IncidentId ??= incidentId;
}
