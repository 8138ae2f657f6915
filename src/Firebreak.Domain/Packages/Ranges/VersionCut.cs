namespace Firebreak.Domain.Packages;

/// <summary>
/// A place on a scheme's version line, between versions: just below <see cref="At"/>, or just above it when
/// <see cref="After"/>. A null <see cref="At"/> is the bottom (−∞, After false) or the top (+∞, After true).
/// Every interval of versions is a pair of cuts, so unions, intersections and complements are exact.
/// </summary>
internal readonly record struct VersionCut(IComparable? At, bool After) : IComparable<VersionCut>
{
    public static VersionCut Bottom => new(null, false);

    public static VersionCut Top => new(null, true);

    public static VersionCut Below(IComparable version) => new(version, false);

    public static VersionCut Above(IComparable version) => new(version, true);

    public bool IsBottom => At is null && !After;

    public bool IsTop => At is null && After;

    /// <summary>Whether <paramref name="version"/> lies above this cut.</summary>
    public bool IsBelow(IComparable version)
    {
        if (At is null) return !After;
        var c = version.CompareTo(At);
        return After ? c > 0 : c >= 0;
    }

    public int CompareTo(VersionCut other)
    {
        if (At is null || other.At is null)
        {
            static int Rank(VersionCut c) => c.At is null ? (c.After ? 1 : -1) : 0;
            return Rank(this).CompareTo(Rank(other));
        }
        var byVersion = Math.Sign(At.CompareTo(other.At));
        return byVersion != 0 ? byVersion : After.CompareTo(other.After);
    }

    public override string ToString() => At is null ? (After ? "+inf" : "-inf") : (After ? "above " : "below ") + At;
}
