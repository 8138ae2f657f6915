namespace Firebreak.Domain.Packages;

/// <summary>
/// Decides whether a package version is affected, following the OSV schema's evaluation: a version is
/// affected when it is listed in <c>versions</c> or lies in any SEMVER or ECOSYSTEM range. Within a
/// range the events are sorted by version ("0" lowest) and walked: introduced (v ≥ it) sets affected,
/// fixed (v ≥ it) and last_affected (v &gt; it) clear it; a range with limit events only covers versions
/// below some limit ("*" is unbounded). GIT ranges are skipped (see <see cref="AffectedRangeType.Git"/>).
/// Unparseable event versions fail towards "affected": an introduced one counts as "0", an unparseable
/// upper bound is ignored. A version that does not parse is affected only through <c>versions</c>.
/// </summary>
public static class VersionRangeEvaluator
{
    /// <summary>Whether <paramref name="version"/> is affected by the ranges or listed in versions.</summary>
    public static bool IsAffected(Ecosystem ecosystem, string version, IEnumerable<AffectedRange> ranges,
        IEnumerable<string>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(ranges);
        if (versions is not null && versions.Contains(version, StringComparer.Ordinal)) return true;
        return ranges.Any(r => InRange(ecosystem, version, r));
    }

    /// <summary>
    /// The lowest fixed version above <paramref name="version"/> that is itself not affected by any of
    /// the ranges (nor listed in versions), to suggest as an upgrade; null when there is none.
    /// </summary>
    public static string? FixedVersionFor(Ecosystem ecosystem, string version, IEnumerable<AffectedRange> ranges,
        IEnumerable<string>? versions = null)
    {
        var all = ranges.ToList();
        var listed = versions?.ToList() ?? [];
        var candidates = new List<(IComparable Parsed, string Text)>();
        foreach (var range in all.Where(r => r.Type != AffectedRangeType.Git))
        {
            var scheme = Scheme(ecosystem, range);
            if (!EcosystemVersions.TryParse(scheme, version, out var v)) continue;
            foreach (var e in range.Events.Where(e => e.Kind == RangeEventKind.Fixed))
            {
                if (EcosystemVersions.TryParse(scheme, e.Version, out var f) && f.CompareTo(v) > 0) candidates.Add((f, e.Version));
            }
        }
        return candidates.OrderBy(c => c.Parsed).Select(c => c.Text)
            .FirstOrDefault(c => !IsAffected(ecosystem, c, all, listed));
    }

    private static Ecosystem Scheme(Ecosystem ecosystem, AffectedRange range) =>
        range.Type == AffectedRangeType.Semver ? Ecosystem.Npm : ecosystem;

    private static bool InRange(Ecosystem ecosystem, string version, AffectedRange range)
    {
        if (range.Type == AffectedRangeType.Git) return false;
        var scheme = Scheme(ecosystem, range);
        if (!EcosystemVersions.TryParse(scheme, version, out var v)) return false;
        var events = new List<(IComparable? At, RangeEventKind Kind)>();
        var limits = new List<IComparable?>();
        foreach (var e in range.Events)
        {
            var parsed = e.Version == "0" && e.Kind == RangeEventKind.Introduced ? null
                : EcosystemVersions.TryParse(scheme, e.Version, out var p) ? p : null;
            if (e.Kind == RangeEventKind.Limit)
            {
                if (e.Version == "*" || parsed is not null) limits.Add(parsed);
            }
            else if (parsed is not null || e.Kind == RangeEventKind.Introduced)
            {
                events.Add((parsed, e.Kind)); // null At: introduced "0" (or unparseable) is the lowest
            }
        }
        if (limits.Count > 0 && !limits.Any(l => l is null || v.CompareTo(l) < 0)) return false;
        var affected = false;
        foreach (var (at, kind) in events.OrderBy(e => e.At, Comparer<IComparable?>.Create(CompareBounds)))
        {
            switch (kind)
            {
                case RangeEventKind.Introduced when at is null || v.CompareTo(at) >= 0:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when v.CompareTo(at) >= 0:
                case RangeEventKind.LastAffected when v.CompareTo(at) > 0:
                    affected = false;
                    break;
                default:
                    break;
            }
        }
        return affected;
    }

    private static int CompareBounds(IComparable? a, IComparable? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b);
}
