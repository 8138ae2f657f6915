using Firebreak.Domain.Advisories;

namespace Firebreak.Web.Features.Watch;

/// <summary>
/// A vulnerable component found in a watched manifest: which advisory, the fix, KEV status, the
/// path that pulls it in, and the incident it opened (release path) or none (recorded for the
/// playbook's "ban and review later" step). Gone from the manifest → resolved, never deleted.
/// </summary>
internal sealed class DependencyFinding
{
    private DependencyFinding() { }

    public DependencyFinding(Guid projectId, Guid manifestId, string key, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ProjectId = projectId;
        ManifestId = manifestId;
        Key = key;
        FirstSeenAt = now.UtcDateTime;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid ManifestId { get; private set; }

    /// <summary>Component purl + advisory id: one row per vulnerable component per advisory per manifest.</summary>
    public string Key { get; private set; } = "";

    public string Component { get; set; } = "";
    public string AdvisoryId { get; set; } = "";

    /// <summary>All ids of the vulnerability (advisory id and aliases), space-separated.</summary>
    public string Ids { get; set; } = "";
    public string Title { get; set; } = "";
    public string? FixedVersion { get; set; }

    /// <summary>critical, high, medium, low or unknown.</summary>
    public FindingSeverity Severity { get; set; } = FindingSeverity.Unknown;
    public double? Score { get; set; }
    public string? KevCve { get; set; }
    public DateOnly? KevDueDate { get; set; }
    public string? KevRansomware { get; set; }

    /// <summary>"name version → …" from a workspace member to the component, where the format records it.</summary>
    public string Path { get; set; } = "";
    public bool OnReleasePath { get; set; }
    public string? HelpUri { get; set; }
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? IncidentId { get; set; }

    /// <summary>Why a VEX statement settles it (not_affected or fixed with the justification); such a finding opens no incident.</summary>
    public string? Suppressed { get; set; }
}
