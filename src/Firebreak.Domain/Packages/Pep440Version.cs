using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Python package version per PEP 440: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, with the
/// PEP's normalisations (case, 'v' prefix, separators, spelling aliases alpha/beta/c/pre/preview/rev/r,
/// implicit numbers, '-N' as post-release). Ordering: epoch, release (trailing zeros insignificant),
/// then dev-only releases before prereleases before the release before post-releases; dev releases
/// sort before their base; local labels sort after the public version. Text that is not PEP 440 is
/// accepted as a "legacy" version (as pip's packaging library did before version 22, and as OSV
/// tooling still does), ordered by the legacy key and before every PEP 440 version.
/// </summary>
public sealed partial class Pep440Version : EcosystemVersion<Pep440Version>
{
    private Pep440Version(string original, Pep440Parts? parts, string[] legacy) : base(original)
    {
        Parts = parts;
        Legacy = legacy;
    }

    internal Pep440Parts? Parts { get; }

    internal string[] Legacy { get; }

    /// <summary>Whether the text is not PEP 440 and is ordered by the legacy (pre-PEP 440) rules.</summary>
    public bool IsLegacy => Parts is null;

    /// <summary>Whether this is a pre-release or a development release.</summary>
    public bool IsPrerelease => Parts is { } p && (p.PreLabel is not null || p.Dev is not null);

    /// <summary>Whether the version has a local label (+...).</summary>
    public bool IsLocal => Parts is { Local.Length: > 0 } || Parts is { LocalCeiling: true };

    /// <summary>Whether this is a post-release (.postN).</summary>
    public bool IsPostRelease => Parts is { Post: not null } || Parts is { PostCeiling: true };

    /// <summary>Whether this is a development release (.devN).</summary>
    public bool IsDevRelease => Parts is { Dev: not null };

    /// <summary>Whether this is one of the markers Firebreak's PEP 440 bounds use (never a real version).</summary>
    internal bool IsCeiling => Parts is { PostCeiling: true } or { LocalCeiling: true };

    /// <summary>The version without its markers or local label: what a marker stands next to.</summary>
    internal Pep440Version Public => Parts is { } p && (IsLocal || IsCeiling) ? Derived(p.With(p.Post, p.Dev, [])) : this;

    /// <summary>The version without its dev part (for V.dev0, V).</summary>
    internal Pep440Version WithoutDev() => Derived(Parts!.With(Parts.Post, null, Parts.Local));

    /// <summary>V.dev0 without local label: the lowest version of V's pre-release series (PEP 440's &lt;V stops there).</summary>
    internal Pep440Version LowestOfSeries() => Derived(Parts!.With(Parts.Post, "", []));

    /// <summary>V+∞: above every local version of V.</summary>
    internal Pep440Version AboveLocals() => Derived(Parts!.With(Parts.Post, Parts.Dev, [], localCeiling: true));

    /// <summary>V.post∞: above every post-release of V (and their local versions).</summary>
    internal Pep440Version AbovePostReleases() => Derived(Parts!.With(null, null, [], postCeiling: true));

    /// <summary>The first version after V and all its local versions (V.devN → V.dev(N+1); V.postN → V.post(N+1).dev0; V → V.post0.dev0).</summary>
    internal Pep440Version Successor()
    {
        var p = Parts!;
        if (p.Dev is not null) return Derived(p.With(p.Post, Increment(p.Dev), []));
        return Derived(p.With(p.Post is null ? "" : Increment(p.Post), "", []));
    }

    private static string Increment(string digits) =>
        (System.Numerics.BigInteger.Parse("0" + digits, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Pep440Version Derived(Pep440Parts parts) => new(parts.ToText(), parts, []);

    /// <inheritdoc/>
    protected override string EqualityKey => Parts?.Normalized ?? "legacy:" + string.Join('|', Legacy);

    /// <summary>Parses a version; throws <see cref="FormatException"/> only for empty text.</summary>
    public static Pep440Version Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a PEP 440 version.");

    /// <summary>Parses a version, falling back to a legacy version; false only for empty text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440Version? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Grammar().Match(text);
        version = m.Success
            ? new Pep440Version(text, Pep440Parts.From(m), [])
            : new Pep440Version(text, null, Pep440LegacyKey.From(text));
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(Pep440Version? other) => other switch
    {
        null => 1,
        _ when Parts is not null && other.Parts is not null => Parts.CompareTo(other.Parts),
        _ when Parts is null && other.Parts is null => Pep440LegacyKey.Compare(Legacy, other.Legacy),
        _ => Parts is null ? -1 : 1, // legacy versions sort before PEP 440 ones
    };

    // The version grammar of PEP 440's appendix ("parsing version strings with regular expressions").
    [GeneratedRegex("""
        ^\s*v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?:[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?
        (?:-(?<postn1>[0-9]+)|[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?
        (?:[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
        \s*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Grammar();
}
