using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.Incidents;

/// <summary>The stored and wire form of <see cref="IncidentDetails"/>.</summary>
internal sealed record DetailsDocument(
    string? CvssV3, string? CvssV4, IReadOnlyList<string>? Cwes, string? AffectedVersions,
    string? PatchedVersions, IReadOnlyList<string>? Identifiers)
{
    public static DetailsDocument Empty { get; } = new(null, null, [], null, null, []);

    public static DetailsDocument From(IncidentDetails d) =>
        new(d.CvssV3, d.CvssV4, [.. d.Cwes], d.AffectedVersions, d.PatchedVersions, [.. d.Identifiers]);

    public IncidentDetails ToDetails() =>
        new(CvssV3, CvssV4, Cwes ?? [], AffectedVersions, PatchedVersions, Identifiers ?? []);
}
