using System.Globalization;
using System.Numerics;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Turns RustSec's <c>patched</c> and <c>unaffected</c> requirements into one OSV SEMVER range: each
/// requirement is an interval of versions that are not affected, and the range's events describe the gaps
/// between them. An exclusive lower end (after <c>&lt;= x</c> or <c>= x</c>) becomes <c>introduced</c> at
/// the next SemVer version: x.y.(z+1)-0 for a release, x.y.z-pre.0 for a prerelease — nothing sorts between.
/// </summary>
public static class RustSecRanges
{
    /// <summary>The affected range: the complement of the union of the requirements' intervals.</summary>
    public static AffectedRange Affected(IEnumerable<SemverRequirement> patched, IEnumerable<SemverRequirement> unaffected)
    {
        ArgumentNullException.ThrowIfNull(patched);
        ArgumentNullException.ThrowIfNull(unaffected);
        var intervals = patched.Concat(unaffected).Select(Interval).Where(i => i.Low.CompareTo(i.High) < 0).OrderBy(i => i.Low).ToList();
        var events = new List<RangeEvent>();
        var cursor = Cut.Bottom;
        foreach (var (low, high) in intervals)
        {
            if (low.CompareTo(cursor) > 0) Gap(cursor, low, events);
            if (high.CompareTo(cursor) > 0) cursor = high;
        }
        if (cursor.CompareTo(Cut.Top) < 0) Gap(cursor, Cut.Top, events);
        return new AffectedRange(AffectedRangeType.Semver, events);
    }

    private static void Gap(Cut start, Cut end, List<RangeEvent> events)
    {
        events.Add(new RangeEvent(RangeEventKind.Introduced, start.Version is null ? "0" : start.After ? Successor(start.Version) : start.Version.ToString()));
        if (end.Version is not null) events.Add(new RangeEvent(end.After ? RangeEventKind.LastAffected : RangeEventKind.Fixed, end.Version.ToString()));
    }

    private static (Cut Low, Cut High) Interval(SemverRequirement requirement)
    {
        var (low, high) = (Cut.Bottom, Cut.Top);
        foreach (var (op, bound) in requirement.Comparators)
        {
            Cut? lower = op switch { ">=" or "=" => new Cut(bound, false), ">" => new Cut(bound, true), _ => null };
            Cut? upper = op switch { "<" => new Cut(bound, false), "<=" or "=" => new Cut(bound, true), _ => null };
            if (lower is { } l && l.CompareTo(low) > 0) low = l;
            if (upper is { } u && u.CompareTo(high) < 0) high = u;
        }
        return (low, high);
    }

    private static string Successor(SemanticVersion version)
    {
        var core = version.Core.Select(c => c.Length == 0 ? "0" : c).ToArray();
        if (version.IsPrerelease) return $"{core[0]}.{core[1]}.{core[2]}-{string.Join('.', version.Prerelease)}.0";
        var patch = BigInteger.Parse(core[2], CultureInfo.InvariantCulture) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{core[0]}.{core[1]}.{patch}-0");
    }

    /// <summary>A place between versions: just before <see cref="Version"/>, or just after it when <see cref="After"/>; a null version is −∞ (After false) or +∞.</summary>
    private readonly record struct Cut(SemanticVersion? Version, bool After) : IComparable<Cut>
    {
        public static Cut Bottom => new(null, false);

        public static Cut Top => new(null, true);

        public int CompareTo(Cut other)
        {
            if (Version is null || other.Version is null)
            {
                int Rank(Cut c) => c.Version is null ? (c.After ? 1 : -1) : 0;
                return Rank(this).CompareTo(Rank(other));
            }
            var byVersion = Version.CompareTo(other.Version);
            return byVersion != 0 ? byVersion : After.CompareTo(other.After);
        }
    }
}
