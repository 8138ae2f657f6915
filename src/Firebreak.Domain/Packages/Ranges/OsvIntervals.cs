namespace Firebreak.Domain.Packages;

/// <summary>
/// Between OSV range events and intervals. Events are sorted by version (introduced "0" lowest) and walked as OSV's
/// evaluation does: introduced opens an interval, fixed closes it below its version, last_affected above; limit
/// events cap the whole range below the highest limit ("*" none). The way back writes each interval as introduced
/// (its lower end, "0" for none) and fixed or last_affected; an exclusive lower end needs the next version, which only
/// the SemVer schemes have.
/// </summary>
internal static class OsvIntervals
{
    public static VersionIntervals From(AffectedRange range, VersionScheme scheme)
    {
        var events = new List<(VersionCut At, RangeEventKind Kind)>();
        var limit = VersionCut.Bottom;
        foreach (var e in range.Events)
        {
            if (e.Kind == RangeEventKind.Introduced && e.Version == "0") { events.Add((VersionCut.Bottom, e.Kind)); continue; }
            if (e.Kind == RangeEventKind.Limit && e.Version == "*") { limit = VersionCut.Top; continue; }
            var version = scheme.Parse(e.Version);
            if (e.Kind == RangeEventKind.Limit)
            {
                if (limit.CompareTo(VersionCut.Below(version)) < 0) limit = VersionCut.Below(version);
                continue;
            }
            events.Add((e.Kind == RangeEventKind.LastAffected ? VersionCut.Above(version) : VersionCut.Below(version), e.Kind));
        }
        var set = VersionIntervals.Empty;
        VersionCut? open = null;
        foreach (var (at, kind) in events.OrderBy(e => e.At))
        {
            if (kind == RangeEventKind.Introduced) open ??= at;
            else if (open is { } start)
            {
                set = set.Union(VersionIntervals.Of(start, at));
                open = null;
            }
        }
        if (open is { } last) set = set.Union(VersionIntervals.Of(last, VersionCut.Top));
        return range.Events.Any(e => e.Kind == RangeEventKind.Limit) ? set.Intersect(VersionIntervals.Of(VersionCut.Bottom, limit)) : set;
    }

    public static AffectedRange? ToRange(VersionIntervals set, VersionScheme scheme)
    {
        if (set.IsEmpty) return null;
        var events = new List<RangeEvent>();
        foreach (var (low, high) in set.Items)
        {
            if (low.IsBottom) events.Add(new RangeEvent(RangeEventKind.Introduced, "0"));
            else if (!low.After) events.Add(new RangeEvent(RangeEventKind.Introduced, Text(low.At!)));
            else if (low.At is SemanticVersion v && scheme.Name is "semver" or "npm" or "cargo" or "golang") events.Add(new RangeEvent(RangeEventKind.Introduced, v.Successor().ToString()));
            else return null;
            if (!high.IsTop) events.Add(new RangeEvent(high.After ? RangeEventKind.LastAffected : RangeEventKind.Fixed, Text(high.At!)));
        }
        if (events.Any(e => e.Kind == RangeEventKind.Fixed) && events.Any(e => e.Kind == RangeEventKind.LastAffected)) return null;
        return new AffectedRange(scheme.Name == "semver" ? AffectedRangeType.Semver : AffectedRangeType.Ecosystem, events);
    }

    // A pypi upper end at V+∞ (from <=V or a bare V, which take V's local versions along) is written last_affected V:
    // OSV's plain order leaves V+local out, the one difference, and local versions are not published to indexes.
    private static string Text(IComparable version) => version is Pep440Version { IsCeiling: true } marker ? marker.Public.ToString() : version.ToString()!;
}
