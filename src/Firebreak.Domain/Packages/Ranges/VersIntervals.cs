namespace Firebreak.Domain.Packages;

/// <summary>
/// Between vers constraints and intervals, in both directions. Reading: a leading upper bound opens at −∞, each lower
/// bound pairs with the upper bound after it, a trailing lower bound runs to +∞, bare versions add their point and
/// '!=' removes its point (the scheme says what a point and each comparator cover). Writing: each run of intervals
/// joined by single excluded points becomes its bounds with '!=' for the points, a lone point a bare version.
/// </summary>
internal static class VersIntervals
{
    public static VersionIntervals Of(VersionScheme scheme, IReadOnlyList<VersConstraint> constraints)
    {
        if (constraints.Count == 0) return VersionIntervals.All;
        var bounds = constraints.Where(c => c.IsLower || c.IsUpper).ToList();
        var set = VersionIntervals.Empty;
        var i = 0;
        if (bounds.Count > 0 && bounds[0].IsUpper) set = set.Union(VersionIntervals.Of(VersionCut.Bottom, Upper(scheme, bounds[i++])));
        for (; i < bounds.Count; i += 2)
        {
            var high = i + 1 < bounds.Count ? Upper(scheme, bounds[i + 1]) : VersionCut.Top;
            set = set.Union(VersionIntervals.Of(Lower(scheme, bounds[i]), high));
        }
        foreach (var c in constraints.Where(c => c.Comparator == VersComparator.Equal)) set = set.Union(Point(scheme, c.Version));
        if (constraints.All(c => c.Comparator == VersComparator.NotEqual)) set = VersionIntervals.All;
        foreach (var c in constraints.Where(c => c.Comparator == VersComparator.NotEqual)) set = set.Intersect(Point(scheme, c.Version).Complement());
        return set;
    }

    /// <summary>The versions one comparator admits on its own.</summary>
    public static VersionIntervals Of(VersionScheme scheme, VersConstraint c) => c.Comparator switch
    {
        VersComparator.Equal => Point(scheme, c.Version),
        VersComparator.NotEqual => Point(scheme, c.Version).Complement(),
        VersComparator.Less or VersComparator.LessOrEqual => VersionIntervals.Of(VersionCut.Bottom, Upper(scheme, c)),
        VersComparator.Greater or VersComparator.GreaterOrEqual => VersionIntervals.Of(Lower(scheme, c), VersionCut.Top),
    };

    public static IReadOnlyList<VersConstraint> Write(VersionScheme scheme, VersionIntervals set)
    {
        if (set.IsEmpty) throw new VersionFormatException(new VersionParseError("the range admits no version, which vers cannot write", 0));
        if (set.IsAll) return [];
        var items = set.Items;
        var result = new List<VersConstraint>();
        for (var i = 0; i < items.Count;)
        {
            var j = i;
            var holes = new List<IComparable>();
            while (j + 1 < items.Count && scheme.RenderPoint(items[j].High, items[j + 1].Low) is { } hole)
            {
                holes.Add(hole);
                j++;
            }
            var (low, high) = (items[i].Low, items[j].High);
            if (i == j && scheme.RenderPoint(low, high) is { } point)
            {
                result.Add(new VersConstraint(VersComparator.Equal, point));
            }
            else
            {
                if (!low.IsBottom) result.Add(scheme.RenderLower(low) ?? throw Unwritable(low));
                result.AddRange(holes.Select(h => new VersConstraint(VersComparator.NotEqual, h)));
                if (!high.IsTop) result.Add(scheme.RenderUpper(high) ?? throw Unwritable(high));
            }
            i = j + 1;
        }
        return result;
    }

    private static VersionIntervals Point(VersionScheme scheme, IComparable version)
    {
        var (low, high) = scheme.Point(version);
        return VersionIntervals.Of(low, high);
    }

    private static VersionCut Lower(VersionScheme scheme, VersConstraint c) => scheme.Lower(c.Comparator == VersComparator.GreaterOrEqual, c.Version);

    private static VersionCut Upper(VersionScheme scheme, VersConstraint c) => scheme.Upper(c.Comparator == VersComparator.LessOrEqual, c.Version);

    private static VersionFormatException Unwritable(VersionCut cut) =>
        new(new VersionParseError($"a bound {cut} has no vers comparator in this scheme", 0));
}
