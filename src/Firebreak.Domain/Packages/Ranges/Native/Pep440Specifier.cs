namespace Firebreak.Domain.Packages;

/// <summary>
/// One PEP 440 version specifier clause: an operator (~=, ==, !=, &lt;=, &gt;=, &lt;, &gt;, ===) and a version, with
/// <see cref="Prefix"/> for the <c>.*</c> of ==/!=. <see cref="Matches"/> follows the PEP's text directly;
/// <see cref="Interval"/> gives the same set through the pypi scheme's cuts.
/// </summary>
internal sealed record Pep440Specifier(string Op, Pep440Version Version, string Text, bool Prefix)
{
    /// <summary>Whether the clause names a prerelease with an operator that opts prereleases in (packaging's rule: ==, ===, &gt;=, &lt;=, ~=).</summary>
    public bool OptsInPrereleases => Op is "==" or "===" or ">=" or "<=" or "~=" && Version.IsPrerelease;

    public bool Matches(Pep440Version v) => Op switch
    {
        "===" => string.Equals(v.Original.Trim(), Text, StringComparison.OrdinalIgnoreCase),
        "==" => Prefix ? StartsWith(v, Version) : EqualPublic(v, Version),
        "!=" => !(Prefix ? StartsWith(v, Version) : EqualPublic(v, Version)),
        "~=" => v.CompareTo(Version) >= 0 && StartsWith(v, Compatible(Version)),
        "<=" => v.Public.CompareTo(Version) <= 0,
        ">=" => v.CompareTo(Version) >= 0,
        "<" => v.CompareTo(Version) < 0 && !(Version is { IsPrerelease: false } && v.IsPrerelease && PrereleaseOf(v, Version)),
        _ => v.CompareTo(Version) > 0 && !LocalOf(v, Version) && !(!Version.IsPostRelease && !Version.IsDevRelease && PostReleaseOf(v, Version)),
    };

    // ==V without a local label ignores the candidate's; with one it compares everything.
    private static bool EqualPublic(Pep440Version v, Pep440Version spec) => spec.IsLocal ? v.CompareTo(spec) == 0 : v.Public.CompareTo(spec) == 0;

    // Prefix matching on epoch and release, the shorter release padded with zeros.
    private static bool StartsWith(Pep440Version v, Pep440Version prefix)
    {
        if (v.IsLegacy || NumericText.Compare(v.Parts!.Epoch, prefix.Parts!.Epoch) != 0) return false;
        var release = v.Parts.Release;
        var wanted = prefix.Parts.WrittenRelease;
        for (var i = 0; i < wanted.Length; i++)
            if (NumericText.Compare(i < release.Length ? release[i] : "", wanted[i]) != 0) return false;
        return true;
    }

    /// <summary>~=V's prefix: V's release without its last number.</summary>
    public static Pep440Version Compatible(Pep440Version v) => Pep440Version.Parse((v.Parts!.Epoch.Length > 0 ? v.Parts.Epoch + "!" : "")
        + string.Join('.', v.Parts.WrittenRelease[..^1].Select(r => r.Length > 0 ? r : "0")));

    // A pre-release of a final V: a pre- or dev-release in V's series (V's epoch and release, and V's post for a post-release V).
    private static bool PrereleaseOf(Pep440Version v, Pep440Version spec) =>
        !v.IsLegacy && SameRelease(v, spec) && (spec.Parts!.Post is null || (v.Parts!.PreLabel is null && v.Parts.Post is { } p && NumericText.Compare(p, spec.Parts.Post) == 0));

    // A post-release of V (V neither a post- nor a dev-release): V's epoch, release and pre-release, with a post part.
    private static bool PostReleaseOf(Pep440Version v, Pep440Version spec) =>
        !v.IsLegacy && v.IsPostRelease && SameRelease(v, spec) && v.Parts!.PreLabel == spec.Parts!.PreLabel
        && (spec.Parts.PreLabel is null || NumericText.Compare(v.Parts.PreNumber, spec.Parts.PreNumber) == 0);

    private static bool LocalOf(Pep440Version v, Pep440Version spec) => v.IsLocal && v.Public.CompareTo(spec) == 0;

    private static bool SameRelease(Pep440Version v, Pep440Version spec)
    {
        if (NumericText.Compare(v.Parts!.Epoch, spec.Parts!.Epoch) != 0) return false;
        for (var i = 0; i < Math.Max(v.Parts.Release.Length, spec.Parts.Release.Length); i++)
        {
            var a = i < v.Parts.Release.Length ? v.Parts.Release[i] : "";
            var b = i < spec.Parts.Release.Length ? spec.Parts.Release[i] : "";
            if (NumericText.Compare(a, b) != 0) return false;
        }
        return true;
    }

    public VersionIntervals Interval(VersionScheme scheme) => Op switch
    {
        "===" => throw new VersionFormatException(new VersionParseError("'===' compares text, which vers cannot write", 0)),
        "==" => Prefix ? PrefixInterval(Version) : VersIntervals.Of(scheme, new VersConstraint(VersComparator.Equal, Version)),
        "!=" => (Prefix ? PrefixInterval(Version) : VersIntervals.Of(scheme, new VersConstraint(VersComparator.Equal, Version))).Complement(),
        "~=" => VersIntervals.Of(scheme, new VersConstraint(VersComparator.GreaterOrEqual, Version)).Intersect(PrefixInterval(Compatible(Version))),
        "<=" => VersIntervals.Of(scheme, new VersConstraint(VersComparator.LessOrEqual, Version)),
        ">=" => VersIntervals.Of(scheme, new VersConstraint(VersComparator.GreaterOrEqual, Version)),
        "<" => VersIntervals.Of(scheme, new VersConstraint(VersComparator.Less, Version)),
        _ => VersIntervals.Of(scheme, new VersConstraint(VersComparator.Greater, Version)),
    };

    // ==P.* is every version from P.dev0 up to (not including) the next prefix's .dev0.
    private static VersionIntervals PrefixInterval(Pep440Version prefix)
    {
        var p = prefix.Parts!;
        var epoch = p.Epoch.Length > 0 ? p.Epoch + "!" : "";
        var release = p.WrittenRelease.Select(r => r.Length == 0 ? "0" : r).ToArray();
        var next = release.ToArray();
        next[^1] = NpmPartial.Next(next[^1]);
        return VersionIntervals.Of(VersionCut.Below(Pep440Version.Parse($"{epoch}{string.Join('.', release)}.dev0")),
            VersionCut.Below(Pep440Version.Parse($"{epoch}{string.Join('.', next)}.dev0")));
    }
}
