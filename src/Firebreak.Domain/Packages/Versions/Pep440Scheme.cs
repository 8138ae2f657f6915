using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// The <c>pypi</c> scheme. Its vers comparators mean what PEP 440's operators mean, since vers leaves comparison to the
/// scheme: a bare version and <c>&lt;=V</c> also match V's local versions (V+anything); <c>&lt;V</c> stops below V's
/// pre-releases (for a final V), <c>&gt;V</c> skips V's post-releases (for a V that is not one) and local versions.
/// Internally these are cuts at marker versions (V+∞, V.post∞) that never leave this class as text.
/// Legacy (non-PEP 440) versions compare plainly.
/// </summary>
internal sealed class Pep440Scheme() : VersionScheme("pypi", "Python (PEP 440: epochs, pre-, post- and dev-releases, local labels)")
{
    public override bool TryParse(string? text, [NotNullWhen(true)] out IComparable? version, [NotNullWhen(false)] out VersionParseError? failure)
    {
        version = null;
        if (!Pep440Version.TryParse(text, out var v))
        {
            failure = new VersionParseError("a PyPI version is empty", 0);
            return false;
        }
        version = v;
        failure = null;
        return true;
    }

    public override bool IsPrerelease(IComparable version) => version is Pep440Version { IsPrerelease: true };

    internal override (VersionCut Low, VersionCut High) Point(IComparable version) =>
        version is Pep440Version { IsLegacy: false, IsLocal: false } v ? (VersionCut.Below(v), VersionCut.Above(v.AboveLocals())) : base.Point(version);

    internal override VersionCut Lower(bool inclusive, IComparable version)
    {
        if (inclusive || version is not Pep440Version { IsLegacy: false, IsLocal: false } v) return base.Lower(inclusive, version);
        return VersionCut.Above(v.IsPostRelease || v.IsDevRelease ? v.AboveLocals() : v.AbovePostReleases());
    }

    internal override VersionCut Upper(bool inclusive, IComparable version)
    {
        if (version is not Pep440Version { IsLegacy: false } v) return base.Upper(inclusive, version);
        if (inclusive) return VersionCut.Above(v.IsLocal ? v : v.AboveLocals());
        return VersionCut.Below(v.IsPrerelease ? v : v.LowestOfSeries());
    }

    internal override VersConstraint? RenderLower(VersionCut cut)
    {
        if (cut.At is not Pep440Version { IsLegacy: false, Parts: { } p } x) return base.RenderLower(cut);
        if (!cut.After) return x.IsCeiling ? null : new VersConstraint(VersComparator.GreaterOrEqual, x);
        if (p.PostCeiling) return new VersConstraint(VersComparator.Greater, x.Public);
        if (p.LocalCeiling)
        {
            var v = x.Public;
            return v.IsPostRelease || v.IsDevRelease ? new VersConstraint(VersComparator.Greater, v) : new VersConstraint(VersComparator.GreaterOrEqual, v.Successor());
        }
        return x.IsLocal ? new VersConstraint(VersComparator.Greater, x) : null;
    }

    internal override VersConstraint? RenderUpper(VersionCut cut)
    {
        if (cut.At is not Pep440Version { IsLegacy: false, Parts: { } p } x) return base.RenderUpper(cut);
        if (cut.After)
        {
            if (p.LocalCeiling) return new VersConstraint(VersComparator.LessOrEqual, x.Public);
            return x.IsLocal && !x.IsCeiling ? new VersConstraint(VersComparator.LessOrEqual, x) : null;
        }
        if (x.IsCeiling) return null;
        if (p is { Dev: "", PreLabel: null, Local.Length: 0 }) return new VersConstraint(VersComparator.Less, x.WithoutDev());
        return x.IsPrerelease ? new VersConstraint(VersComparator.Less, x) : null;
    }

    internal override IComparable? RenderPoint(VersionCut low, VersionCut high)
    {
        if (low is not { After: false, At: Pep440Version { IsLegacy: false } a } || high is not { After: true, At: Pep440Version { IsLegacy: false } b })
            return base.RenderPoint(low, high);
        if (b.Parts!.LocalCeiling) return !a.IsLocal && !a.IsCeiling && a.CompareTo(b.Public) == 0 ? a : null;
        return a.IsLocal && !a.IsCeiling && a.CompareTo(b) == 0 ? a : null;
    }
}
