namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// One import into an advisory index. A source is identified by its kind and location: importing the same
/// location again replaces that source's records and leaves the other sources as they are.
/// </summary>
/// <param name="Kind">The feed's kind.</param>
/// <param name="Location">Where it was read from: a full path or a URL, as the importer was given it.</param>
/// <param name="RetrievedAt">When the data was retrieved (UTC), as the caller's clock said.</param>
/// <param name="CatalogVersion">The feed's own version string (KEV's <c>catalogVersion</c>), or empty.</param>
public sealed record AdvisorySource(AdvisorySourceKind Kind, string Location, DateTimeOffset RetrievedAt, string CatalogVersion = "")
{
    /// <summary>True when both name the same feed (kind and location), whenever retrieved.</summary>
    public bool SameFeedAs(AdvisorySource other) =>
        other is not null && other.Kind == Kind && string.Equals(other.Location, Location, StringComparison.Ordinal);
}
