using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.Incidents;

/// <summary>A fix release to record: <c>versions</c>, <c>releasedAt</c> (default: now), <c>url</c>, optional <c>provenanceUrl</c>.</summary>
internal sealed record ReleaseRequest(IReadOnlyList<string?>? Versions, DateTimeOffset? ReleasedAt, string? Url, string? ProvenanceUrl);

/// <summary>A recorded fix release.</summary>
internal sealed record ReleaseJson(IReadOnlyList<string> Versions, DateTime ReleasedAt, string Url, string? ProvenanceUrl, DateTime RecordedAt, string RecordedBy)
{
    public static ReleaseJson From(FixRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return new([.. release.Versions], release.ReleasedAt, release.Url, release.ProvenanceUrl, release.RecordedAt, release.RecordedBy);
    }
}
