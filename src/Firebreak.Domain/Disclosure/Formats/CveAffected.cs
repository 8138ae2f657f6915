using System.Text.Json.Nodes;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Maps packages to CVE 5.2 <c>affected[]</c> (valid 5.1 too): each interval of an OSV range (read through <see cref="VersRange"/>'s
/// intervals, so overlapping or unsorted events come out merged and in order) becomes <c>version</c> + <c>lessThan</c>
/// (fixed) or <c>lessThanOrEqual</c> (last_affected); an open range ends at <c>*</c>, as CVE's syntax allows.
/// </summary>
internal static class CveAffected
{
    public static JsonObject Affected(AffectedProduct product, AdvisoryPublisher publisher)
    {
        var versions = product.Ranges.SelectMany(r => Spans(r, product.Package, "affected"))
            .Concat(product.AffectedVersions.Select(v => Single(v, "affected")))
            .Concat(product.PatchedVersions.Select(v => Single(v, "unaffected")));
        // With ranges the complement is known to be unaffected; with a bare list of versions nothing is said of the rest.
        return Entry(product.Package, publisher, versions, product.Ranges.Count > 0 ? "unaffected" : "unknown");
    }

    public static JsonObject Unaffected(UnaffectedProduct product, AdvisoryPublisher publisher) =>
        Entry(product.Package, publisher,
            product.Ranges.SelectMany(r => Spans(r, product.Package, "unaffected")).Concat(product.Versions.Select(v => Single(v, "unaffected"))),
            "unknown");

    private static JsonObject Entry(AdvisoryPackage package, AdvisoryPublisher publisher, IEnumerable<JsonObject> versions, string defaultStatus)
    {
        var entry = new JsonObject { ["vendor"] = package.Vendor ?? publisher.Vendor, ["product"] = package.Name };
        if (package.Ecosystem is { } ecosystem && CollectionUrl(ecosystem) is { } collection)
        {
            entry["collectionURL"] = collection;
            entry["packageName"] = package.Name;
        }
        // CVE 5.2's packageURL: the purl without a version (5.2 forbids one; versions are in versions[]). 5.1 validators
        // accept it too, since 5.1's product object allows properties it does not name.
        if (package.Purl is { } purl) entry["packageURL"] = purl.ToString();
        entry["versions"] = AdvisoryJson.Array(versions.DistinctBy(v => v.ToJsonString()));
        entry["defaultStatus"] = defaultStatus;
        return entry;
    }

    private static JsonObject Single(string version, string status) => new() { ["version"] = version, ["status"] = status };

    // The range's versions as intervals (VersRange's reading of OSV events: sorted, merged), one span each; events the
    // scheme cannot read, or an interval with an excluded start, are written event by event as given.
    private static IEnumerable<JsonObject> Spans(AffectedRange range, AdvisoryPackage package, string status)
    {
        var type = VersionType(range.Type, package.Ecosystem);
        var scheme = range.Type == AffectedRangeType.Semver ? VersionSchemes.Semver : package.Ecosystem is { } e ? VersionSchemes.For(e) : null;
        VersionIntervals? set = null;
        try
        {
            if (scheme is not null) set = OsvIntervals.From(range, scheme);
        }
        catch (VersionFormatException)
        {
        }
        if (set is null || set.Items.Any(i => i.Low.After)) return Walk(range, status, type);
        return set.Items.Select(i =>
        {
            var span = new JsonObject { ["version"] = i.Low.IsBottom ? "0" : i.Low.At!.ToString(), ["status"] = status, ["versionType"] = type };
            if (i.High.IsTop) span["lessThan"] = "*";
            else span[i.High.After ? "lessThanOrEqual" : "lessThan"] = i.High.At!.ToString();
            return span;
        });
    }

    private static IEnumerable<JsonObject> Walk(AffectedRange range, string status, string type)
    {
        for (var i = 0; i < range.Events.Count; i++)
        {
            if (range.Events[i].Kind != RangeEventKind.Introduced) continue;
            var span = new JsonObject { ["version"] = range.Events[i].Version, ["status"] = status, ["versionType"] = type };
            var end = i + 1 < range.Events.Count ? range.Events[i + 1] : (RangeEvent?)null;
            if (end is { Kind: RangeEventKind.LastAffected } last) span["lessThanOrEqual"] = last.Version;
            else span["lessThan"] = end?.Version ?? "*";
            yield return span;
        }
    }

    private static string VersionType(AffectedRangeType type, Ecosystem? ecosystem) => type == AffectedRangeType.Semver ? "semver" : ecosystem switch
    {
        Ecosystem.Npm or Ecosystem.CratesIo or Ecosystem.Go => "semver",
        Ecosystem.PyPI => "python",
        Ecosystem.Maven => "maven",
        Ecosystem.NuGet => "nuget",
        Ecosystem.RubyGems => "rubygems",
        Ecosystem.Debian => "deb",
        null => "custom",
        { } other => other.ToVersScheme(),
    };

    /// <summary>The registry's URL; null for distributions and URL-named packages, which have no one collection.</summary>
    private static string? CollectionUrl(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "https://www.npmjs.com",
        Ecosystem.CratesIo => "https://crates.io",
        Ecosystem.Go => "https://pkg.go.dev",
        Ecosystem.PyPI => "https://pypi.org",
        Ecosystem.NuGet => "https://www.nuget.org",
        Ecosystem.Maven => "https://repo.maven.apache.org/maven2",
        Ecosystem.RubyGems => "https://rubygems.org",
        Ecosystem.Debian => "https://packages.debian.org",
        Ecosystem.Packagist => "https://packagist.org",
        Ecosystem.Pub => "https://pub.dev",
        Ecosystem.Hackage => "https://hackage.haskell.org",
        Ecosystem.Cran => "https://cran.r-project.org",
        Ecosystem.ConanCenter => "https://conan.io/center",
        Ecosystem.Hex => "https://hex.pm",
        Ecosystem.Alpine or Ecosystem.RedHat or Ecosystem.Ubuntu or Ecosystem.RockyLinux or Ecosystem.AlmaLinux or Ecosystem.Suse
            or Ecosystem.OpenSuse or Ecosystem.Wolfi or Ecosystem.Chainguard or Ecosystem.SwiftUrl or Ecosystem.Bitnami => null,
    };
}
