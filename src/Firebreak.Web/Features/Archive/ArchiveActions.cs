namespace Firebreak.Web.Features.Archive;

/// <summary>The audit actions the archive writes.</summary>
internal static class ArchiveActions
{
    /// <summary>An incident's archive was downloaded (subject: the incident).</summary>
    public const string IncidentArchive = Infrastructure.Audit.AuditRecords.IncidentArchive;

    /// <summary>A project's archive was downloaded (subject: the project).</summary>
    public const string ProjectArchive = "project-archive";

    /// <summary>An instance administrator redacted a reporter's contact (subject: the incident).</summary>
    public const string ReporterRedacted = "reporter-redacted";
}
