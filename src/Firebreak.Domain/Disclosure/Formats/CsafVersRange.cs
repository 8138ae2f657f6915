using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF's product_version_range in vers, both ways, through <see cref="VersRange"/>: an OSV range is written as its
/// normalised vers (scheme: <c>semver</c> for SEMVER ranges, the ecosystem's scheme, or <c>generic</c>), and a vers read
/// as the specification parses it becomes OSV events. Reading gives null for text that is not vers or that the model
/// cannot hold (an exclusive lower end outside SemVer, a range of nothing).
/// </summary>
internal static class CsafVersRange
{
    public static AffectedRange? Read(string text)
    {
        if (!text.StartsWith("vers:", StringComparison.Ordinal) || !VersRange.TryNormalize(text, out var range, out _) || range.ToOsv() is not { } osv) return null;
        try
        {
            return AffectedProduct.CheckRange(osv, "range");
        }
        catch (DomainException)
        {
            return null;
        }
    }

    /// <summary>
    /// The vers of an OSV range. Events the scheme cannot read (an advisory may carry free-form versions) are written as
    /// given, in order: introduced "0" has no lower bound, fixed is an exclusive and last_affected an inclusive upper bound.
    /// </summary>
    public static string Write(AffectedRange range, Ecosystem? ecosystem)
    {
        var scheme = range.Type == AffectedRangeType.Semver ? VersionSchemes.Semver : ecosystem is { } e ? VersionSchemes.For(e) : VersionSchemes.Generic;
        try
        {
            return VersRange.FromOsv(range, scheme).ToString();
        }
        catch (VersionFormatException)
        {
            var constraints = range.Events.Where(e => !(e.Kind == RangeEventKind.Introduced && e.Version == "0")).Select(e => e.Kind switch
            {
                RangeEventKind.Introduced => ">=" + VersConstraint.Encode(e.Version),
                RangeEventKind.Fixed or RangeEventKind.Limit => "<" + VersConstraint.Encode(e.Version),
                RangeEventKind.LastAffected => "<=" + VersConstraint.Encode(e.Version),
            }).ToList();
            return $"vers:{scheme.Name}/{(constraints.Count == 0 ? "*" : string.Join('|', constraints))}";
        }
    }
}
