using Firebreak.Domain.Advisories;
using Firebreak.Domain.Common;

namespace Firebreak.Web.Features.Watch;

internal sealed record ManifestJson(Guid Id, string Name, bool ReleasePath, DateTime UploadedAt, string UploadedBy, DateTime? LastCheckedAt, int Components)
{
    public static ManifestJson From(WatchedManifest m) => new(m.Id, m.Name, m.OnReleasePath, m.UploadedAt, m.UploadedBy, m.LastCheckedAt, m.ComponentCount);
}

internal sealed record FindingJson(Guid Id, Guid ManifestId, string Component, string Advisory, IReadOnlyList<string> Ids, string Title,
    string? FixedVersion, string Severity, double? Score, string? Kev, DateOnly? KevDueDate, string? KevRansomware, string Path,
    bool ReleasePath, DateTime FirstSeenAt, DateTime LastSeenAt, DateTime? ResolvedAt, Guid? IncidentId, string? HelpUri, string? Suppressed)
{
    public static FindingJson From(DependencyFinding f) => new(f.Id, f.ManifestId, f.Component, f.AdvisoryId, f.Ids.Split(' '), f.Title,
        f.FixedVersion, f.Severity.ToWire(), f.Score, f.KevCve, f.KevDueDate, f.KevRansomware, f.Path, f.OnReleasePath, f.FirstSeenAt, f.LastSeenAt,
        f.ResolvedAt, f.IncidentId, f.HelpUri, f.Suppressed);
}

/// <summary>The findings filters, shared by the API and the page.</summary>
internal sealed record FindingFilter(bool? Kev, string? Severity, bool? ReleasePath, bool Resolved)
{
    public IQueryable<DependencyFinding> Apply(IQueryable<DependencyFinding> query)
    {
        if (Severity is { Length: > 0 } s)
        {
            if (!WireNames.TryParse<FindingSeverity>(s, out var wanted))
                throw new DomainException($"'{s}' is not a severity; use {WireNames.AllowedList<FindingSeverity>()}.");
            query = query.Where(f => f.Severity == wanted);
        }
        if (Kev is { } kev) query = kev ? query.Where(f => f.KevCve != null) : query.Where(f => f.KevCve == null);
        if (ReleasePath is { } path) query = query.Where(f => f.OnReleasePath == path);
        return Resolved ? query.Where(f => f.ResolvedAt != null) : query.Where(f => f.ResolvedAt == null);
    }

    /// <summary>
    /// The findings' list order, decided in SQL so that only one page is read: known exploited first, then by severity
    /// (critical first: the column holds the wire name, so its rank is spelled out), component, and the id to make it total.
    /// </summary>
    public static IOrderedQueryable<DependencyFinding> InListOrder(IQueryable<DependencyFinding> query) =>
        query.OrderByDescending(f => f.KevCve != null)
            .ThenBy(f => f.Severity == FindingSeverity.Critical ? 0 : f.Severity == FindingSeverity.High ? 1 : f.Severity == FindingSeverity.Medium ? 2
                : f.Severity == FindingSeverity.Low ? 3 : f.Severity == FindingSeverity.None ? 4 : 5)
            .ThenBy(f => f.Component).ThenBy(f => f.Id);

    /// <summary>Whether a severity filter names a known severity (blank means none, which is fine too).</summary>
    public static bool IsSeverity(string? severity) => string.IsNullOrWhiteSpace(severity) || WireNames.TryParse<FindingSeverity>(severity, out _);
}

/// <summary>Answer to registering a manifest: it, its open findings, and the incidents the check opened.</summary>
internal sealed record RegisteredJson(ManifestJson Manifest, IReadOnlyList<FindingJson> Findings, IReadOnlyList<Guid> OpenedIncidents);
