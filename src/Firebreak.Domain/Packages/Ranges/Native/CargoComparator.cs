namespace Firebreak.Domain.Packages;

/// <summary>
/// One comparator of a Cargo requirement: an operator (=, &gt;, &gt;=, &lt;, &lt;=, ~, ^; a bare version is ^) and a
/// partial version whose missing minor or patch are wildcards. <see cref="Matches"/> is the semver crate's test;
/// <see cref="Interval"/> its reading in versions (exact on versions without a prerelease).
/// </summary>
internal sealed record CargoComparator(string Op, string Major, string? Minor, string? Patch, string Prerelease)
{
    private bool PreLess(SemanticVersion v) => ComparePre(v) < 0;

    // The semver crate orders an empty prerelease above every other.
    private int ComparePre(SemanticVersion v)
    {
        var mine = Prerelease.Length == 0 ? [] : Prerelease.Split('.');
        var a = NpmPartial.Make("0", "0", "0", v.IsPrerelease ? "-" + string.Join('.', v.Prerelease) : "");
        var b = NpmPartial.Make("0", "0", "0", mine.Length == 0 ? "" : "-" + Prerelease);
        return a.CompareTo(b);
    }

    public bool Matches(SemanticVersion v) => Op switch
    {
        "=" => Exact(v),
        ">" => Greater(v),
        ">=" => Exact(v) || Greater(v),
        "<" => Less(v),
        "<=" => Exact(v) || Less(v),
        "~" => Tilde(v),
        _ => Caret(v),
    };

    /// <summary>Whether the comparator opts a prerelease of the version's major.minor.patch in (the crate's pre_is_compatible).</summary>
    public bool AdmitsPrereleaseOf(SemanticVersion v) =>
        Prerelease.Length > 0 && Minor is not null && Patch is not null && Eq(Major, v.Core[0]) && Eq(Minor, v.Core[1]) && Eq(Patch, v.Core[2]);

    private static bool Eq(string a, string b) => NumericText.Compare(a, b) == 0;

    private static int Cmp(string a, string b) => NumericText.Compare(a, b);

    private bool Exact(SemanticVersion v) => Eq(v.Core[0], Major) && (Minor is null || Eq(v.Core[1], Minor)) && (Patch is null || Eq(v.Core[2], Patch)) && ComparePre(v) == 0;

    private bool Greater(SemanticVersion v)
    {
        if (!Eq(v.Core[0], Major)) return Cmp(v.Core[0], Major) > 0;
        if (Minor is null) return false;
        if (!Eq(v.Core[1], Minor)) return Cmp(v.Core[1], Minor) > 0;
        if (Patch is null) return false;
        if (!Eq(v.Core[2], Patch)) return Cmp(v.Core[2], Patch) > 0;
        return ComparePre(v) > 0;
    }

    private bool Less(SemanticVersion v)
    {
        if (!Eq(v.Core[0], Major)) return Cmp(v.Core[0], Major) < 0;
        if (Minor is null) return false;
        if (!Eq(v.Core[1], Minor)) return Cmp(v.Core[1], Minor) < 0;
        if (Patch is null) return false;
        if (!Eq(v.Core[2], Patch)) return Cmp(v.Core[2], Patch) < 0;
        return PreLess(v);
    }

    private bool Tilde(SemanticVersion v)
    {
        if (!Eq(v.Core[0], Major)) return false;
        if (Minor is not null && !Eq(v.Core[1], Minor)) return false;
        if (Patch is not null && !Eq(v.Core[2], Patch)) return Cmp(v.Core[2], Patch) > 0;
        return ComparePre(v) >= 0;
    }

    private bool Caret(SemanticVersion v)
    {
        if (!Eq(v.Core[0], Major)) return false;
        if (Minor is null) return true;
        if (Patch is null) return Major != "0" ? Cmp(v.Core[1], Minor) >= 0 : Eq(v.Core[1], Minor);
        if (Major != "0")
        {
            if (!Eq(v.Core[1], Minor)) return Cmp(v.Core[1], Minor) > 0;
            if (!Eq(v.Core[2], Patch)) return Cmp(v.Core[2], Patch) > 0;
        }
        else if (Minor != "0")
        {
            if (!Eq(v.Core[1], Minor)) return false;
            if (!Eq(v.Core[2], Patch)) return Cmp(v.Core[2], Patch) > 0;
        }
        else if (!Eq(v.Core[1], Minor) || !Eq(v.Core[2], Patch))
        {
            return false;
        }
        return ComparePre(v) >= 0;
    }

    /// <summary>The interval of versions; the upper end of a bump (^, ~, wildcards, &gt; and &lt;= of a partial) stops below the bumped version's prereleases.</summary>
    public VersionIntervals Interval()
    {
        string M = Major, m = Minor ?? "0", p = Patch ?? "0";
        var pre = Prerelease.Length > 0 ? "-" + Prerelease : "";
        var low = VersionCut.Below(NpmPartial.Make(M, m, p, pre));
        VersionCut Bump(int level) => VersionCut.Below(level switch
        {
            0 => NpmPartial.Make(NpmPartial.Next(M), "0", "0", "-0"),
            1 => NpmPartial.Make(M, NpmPartial.Next(m), "0", "-0"),
            _ => NpmPartial.Make(M, m, NpmPartial.Next(p), "-0"),
        });
        var partialLevel = Minor is null ? 0 : Patch is null ? 1 : 2;   // the last number written
        return Op switch
        {
            "=" => partialLevel == 2 ? VersionIntervals.Of(low, VersionCut.Above(NpmPartial.Make(M, m, p, pre))) : VersionIntervals.Of(low, Bump(partialLevel)),
            ">" => partialLevel == 2 ? VersionIntervals.Of(VersionCut.Above(NpmPartial.Make(M, m, p, pre)), VersionCut.Top) : VersionIntervals.Of(Bump(partialLevel), VersionCut.Top),
            ">=" => VersionIntervals.Of(low, VersionCut.Top),
            "<" => partialLevel == 2 ? VersionIntervals.Of(VersionCut.Bottom, low) : VersionIntervals.Of(VersionCut.Bottom, VersionCut.Below(NpmPartial.Make(M, m, p, "-0"))),
            "<=" => partialLevel == 2 ? VersionIntervals.Of(VersionCut.Bottom, VersionCut.Above(NpmPartial.Make(M, m, p, pre))) : VersionIntervals.Of(VersionCut.Bottom, Bump(partialLevel)),
            "~" => VersionIntervals.Of(low, Bump(partialLevel == 0 ? 0 : 1)),
            _ => VersionIntervals.Of(low, Bump(M != "0" || partialLevel == 0 ? 0 : m != "0" || partialLevel == 1 ? 1 : 2)),
        };
    }
}
