using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version range in an ecosystem's own notation: npm (node-semver), PyPI (PEP 440 specifiers), Maven and NuGet
/// (intervals), RubyGems requirements, Cargo requirements and Go (go.mod's retract intervals). <see cref="Contains(IComparable)"/>
/// is the ecosystem's own meaning, prerelease rules included; <see cref="ToVers"/> is the same set of versions in
/// vers, exact on every version the native meaning does not single out by a prerelease rule (see each notation).
/// </summary>
public abstract class NativeRange
{
    private protected NativeRange(VersionScheme scheme, string text)
    {
        Scheme = scheme;
        Text = text;
    }

    /// <summary>The versioning scheme of the range's versions.</summary>
    public VersionScheme Scheme { get; }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>Whether the version (a value of <see cref="Scheme"/>) is in the range, by the ecosystem's own rules.</summary>
    public abstract bool Contains(IComparable version);

    /// <summary>Whether the version text, read by <see cref="Scheme"/>, is in the range.</summary>
    /// <exception cref="VersionFormatException">The text is not a version of the scheme.</exception>
    public bool Contains(string version) => Contains(Scheme.Parse(version));

    /// <summary>The range as a normalised vers.</summary>
    /// <exception cref="VersionFormatException">vers cannot write the range (it admits nothing, or uses PEP 440's ===).</exception>
    public VersRange ToVers() => VersRange.From(Scheme, Intervals);

    /// <summary>The range as written.</summary>
    public override string ToString() => Text;

    /// <summary>The versions the range admits, read as intervals (the reading <see cref="ToVers"/> writes).</summary>
    internal abstract VersionIntervals Intervals { get; }

    /// <summary>The schemes that have a native range notation.</summary>
    public static IReadOnlyList<VersionScheme> Schemes { get; } =
        [VersionSchemes.Npm, VersionSchemes.PyPI, VersionSchemes.Maven, VersionSchemes.NuGet, VersionSchemes.Gem, VersionSchemes.Cargo, VersionSchemes.Golang];

    /// <summary>Parses a range in the native notation of <paramref name="scheme"/>; throws <see cref="VersionFormatException"/> saying what and where.</summary>
    public static NativeRange Parse(VersionScheme scheme, string text) => TryParse(scheme, text, out var r, out var e) ? r : throw new VersionFormatException(e);

    /// <summary>Parses a range in the native notation of <paramref name="scheme"/>; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(VersionScheme scheme, string? text, [NotNullWhen(true)] out NativeRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        range = null;
        var s = text ?? "";
        bool ok;
        switch (scheme.Name)
        {
            case "npm": ok = NpmRange.TryParse(s, out var npm, out error); range = npm; break;
            case "pypi": ok = Pep440Specifiers.TryParse(s, out var pep, out error); range = pep; break;
            case "maven": ok = MavenRange.TryParse(s, out var maven, out error); range = maven; break;
            case "nuget": ok = NuGetRange.TryParse(s, out var nuget, out error); range = nuget; break;
            case "gem": ok = GemRequirement.TryParse(s, out var gem, out error); range = gem; break;
            case "cargo": ok = CargoRequirement.TryParse(s, out var cargo, out error); range = cargo; break;
            case "golang": ok = GoRange.TryParse(s, out var go, out error); range = go; break;
            default:
                error = new VersionParseError($"the {scheme.Name} scheme has no native range notation here; write a vers (vers:{scheme.Name}/...)", 0);
                return false;
        }
        if (!ok || range is null)
        {
            range = null;
            error ??= new VersionParseError("not a range", 0);
            return false;
        }
        error = null;
        return true;
    }
}
