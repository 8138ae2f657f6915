using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Every versioning scheme Firebreak orders, by vers name, and the scheme of each <see cref="Ecosystem"/>. Names are
/// found case-insensitively among vers names, a few aliases (apk, packagist, ebuild), OSV ecosystem names and purl types.
/// </summary>
public static class VersionSchemes
{
    /// <summary>SemVer 2.0.0, strictly (vers <c>semver</c>).</summary>
    public static VersionScheme Semver { get; } = new TypedVersionScheme<SemanticVersion>("semver", "SemVer 2.0.0, strictly", SemanticVersion.TryParseStrict, v => v.IsPrerelease);

    /// <summary>npm: SemVer as node-semver reads it (a leading v, tolerant of missing numbers as OSV data is).</summary>
    public static VersionScheme Npm { get; } = new TypedVersionScheme<SemanticVersion>("npm", "npm (SemVer 2.0.0 as node-semver and OSV read it)", SemanticVersion.TryParse, v => v.IsPrerelease);

    /// <summary>Cargo (crates.io): SemVer 2.0.0, read as OSV data needs it (crates.io records write "0.1").</summary>
    public static VersionScheme Cargo { get; } = new TypedVersionScheme<SemanticVersion>("cargo", "crates.io (SemVer 2.0.0)", SemanticVersion.TryParse, v => v.IsPrerelease);

    /// <summary>Go modules: SemVer with a v (optional, as OSV writes Go versions without it), pseudo-versions, +incompatible.</summary>
    public static VersionScheme Golang { get; } = new TypedVersionScheme<SemanticVersion>("golang", "Go modules (SemVer with v, pseudo-versions)", SemanticVersion.TryParse, v => v.IsPrerelease);

    /// <summary>PyPI: PEP 440, with vers comparators carrying PEP 440's operator meanings.</summary>
    public static VersionScheme PyPI { get; } = new Pep440Scheme();

    /// <summary>NuGet.</summary>
    public static VersionScheme NuGet { get; } = new TypedVersionScheme<NuGetVersion>("nuget", "NuGet (SemVer 2 with four numbers, case-insensitive labels)",
        (string? t, [NotNullWhen(true)] out NuGetVersion? v, [NotNullWhen(false)] out VersionParseError? e) => Adapt(NuGetVersion.TryParse(t, out v, out var m), m, out e),
        v => v.IsPrerelease);

    /// <summary>Maven's ComparableVersion.</summary>
    public static VersionScheme Maven { get; } = new TypedVersionScheme<MavenVersion>("maven", "Maven (ComparableVersion)",
        (string? t, [NotNullWhen(true)] out MavenVersion? v, [NotNullWhen(false)] out VersionParseError? e) =>
        {
            v = string.IsNullOrEmpty(t) ? null : MavenVersion.Parse(t);
            e = v is null ? new VersionParseError("a Maven version is empty", 0) : null;
            return v is not null;
        });

    /// <summary>RubyGems' Gem::Version.</summary>
    public static VersionScheme Gem { get; } = new TypedVersionScheme<RubyGemsVersion>("gem", "RubyGems (Gem::Version)",
        (string? t, [NotNullWhen(true)] out RubyGemsVersion? v, [NotNullWhen(false)] out VersionParseError? e) =>
            Adapt(RubyGemsVersion.TryParse(t, out v), $"'{t}' is not a RubyGems version (a number, then letters, digits, '.' and '-')", out e),
        v => v.IsPrerelease);

    /// <summary>Debian and Ubuntu: dpkg.</summary>
    public static VersionScheme Deb { get; } = new TypedVersionScheme<DebianVersion>("deb", "Debian and Ubuntu (dpkg)",
        (string? t, [NotNullWhen(true)] out DebianVersion? v, [NotNullWhen(false)] out VersionParseError? e) => Adapt(DebianVersion.TryParse(t, out v, out var m), m, out e));

    /// <summary>RPM distributions: rpmvercmp.</summary>
    public static VersionScheme Rpm { get; } = new TypedVersionScheme<RpmVersion>("rpm", "RPM distributions (rpmvercmp)", RpmVersion.TryParse);

    /// <summary>Alpine, Wolfi, Chainguard: apk.</summary>
    public static VersionScheme Alpine { get; } = new TypedVersionScheme<AlpineVersion>("alpine", "Alpine Linux (apk)", AlpineVersion.TryParse);

    /// <summary>Composer (Packagist): PHP's version_compare.</summary>
    public static VersionScheme Composer { get; } = new TypedVersionScheme<PackagistVersion>("composer", "Composer / Packagist (PHP version_compare)", PackagistVersion.TryParse);

    /// <summary>Dart pub: pub_semver.</summary>
    public static VersionScheme Pub { get; } = new TypedVersionScheme<PubVersion>("pub", "Dart pub (pub_semver)", PubVersion.TryParse, v => v.IsPrerelease);

    /// <summary>Hackage: lists of numbers.</summary>
    public static VersionScheme Hackage { get; } = new TypedVersionScheme<NumberListVersion>("hackage", "Hackage (lists of numbers)", NumberListVersion.TryParseHackage);

    /// <summary>CRAN: R's package_version.</summary>
    public static VersionScheme Cran { get; } = new TypedVersionScheme<NumberListVersion>("cran", "CRAN (R package_version)", NumberListVersion.TryParseCran);

    /// <summary>Conan 2.</summary>
    public static VersionScheme Conan { get; } = new TypedVersionScheme<ConanVersion>("conan", "Conan 2", ConanVersion.TryParse, v => v.IsPrerelease);

    /// <summary>Gentoo: the Package Manager Specification.</summary>
    public static VersionScheme Gentoo { get; } = new TypedVersionScheme<GentooVersion>("gentoo", "Gentoo (PMS 3.3)", GentooVersion.TryParse);

    /// <summary>OpenSSL releases.</summary>
    public static VersionScheme OpenSsl { get; } = new TypedVersionScheme<OpenSslVersion>("openssl", "OpenSSL releases (letters before 3.0)", OpenSslVersion.TryParse, v => v.IsPrerelease);

    /// <summary>nginx releases.</summary>
    public static VersionScheme Nginx { get; } = new TypedVersionScheme<NginxVersion>("nginx", "nginx releases (major.minor.patch)", NginxVersion.TryParse);

    /// <summary>RFC 3339 date-times.</summary>
    public static VersionScheme Datetime { get; } = new TypedVersionScheme<DatetimeVersion>("datetime", "RFC 3339 date-times, as instants", DatetimeVersion.TryParse);

    /// <summary>UTF-8 byte order.</summary>
    public static VersionScheme Lexicographic { get; } = new TypedVersionScheme<LexicographicVersion>("lexicographic", "any text, by UTF-8 bytes", LexicographicVersion.TryParse);

    /// <summary>vers' generic scheme, by libversion's algorithm.</summary>
    public static VersionScheme Generic { get; } = new TypedVersionScheme<GenericVersion>("generic", "generic (libversion's algorithm)", GenericVersion.TryParse);

    /// <summary>Integers separated by dots.</summary>
    public static VersionScheme Intdot { get; } = new TypedVersionScheme<IntdotVersion>("intdot", "integers separated by dots", IntdotVersion.TryParse);

    /// <summary>vers' <c>all</c> scheme: only <c>vers:all/*</c>, every version of anything.</summary>
    public static VersionScheme AllVersions { get; } = new TypedVersionScheme<LexicographicVersion>("all", "every version (only vers:all/*)", LexicographicVersion.TryParse);

    /// <summary>vers' <c>none</c> scheme: only <c>vers:none/*</c>, no version at all.</summary>
    public static VersionScheme NoVersions { get; } = new TypedVersionScheme<LexicographicVersion>("none", "no version (only vers:none/*)", LexicographicVersion.TryParse);

    /// <summary>Every scheme, in documentation order.</summary>
    public static IReadOnlyList<VersionScheme> All { get; } =
        [Semver, Npm, Cargo, Golang, PyPI, NuGet, Maven, Gem, Deb, Rpm, Alpine, Composer, Pub, Hackage, Cran, Conan, Gentoo, OpenSsl, Nginx, Datetime, Lexicographic, Generic, Intdot, AllVersions, NoVersions];

    private static readonly Dictionary<string, VersionScheme> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apk"] = Alpine, ["packagist"] = Composer, ["ebuild"] = Gentoo, ["go"] = Golang, ["crates.io"] = Cargo, ["rubygems"] = Gem, ["debian"] = Deb,
    };

    /// <summary>The scheme of an ecosystem's versions.</summary>
    public static VersionScheme For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => Npm,
        Ecosystem.CratesIo => Cargo,
        Ecosystem.Go => Golang,
        Ecosystem.PyPI => PyPI,
        Ecosystem.NuGet => NuGet,
        Ecosystem.Maven => Maven,
        Ecosystem.RubyGems => Gem,
        Ecosystem.Debian or Ecosystem.Ubuntu => Deb,
        Ecosystem.Alpine or Ecosystem.Wolfi or Ecosystem.Chainguard => Alpine,
        Ecosystem.Packagist => Composer,
        Ecosystem.Pub => Pub,
        Ecosystem.Hackage => Hackage,
        Ecosystem.Cran => Cran,
        Ecosystem.RedHat or Ecosystem.RockyLinux or Ecosystem.AlmaLinux or Ecosystem.Suse or Ecosystem.OpenSuse => Rpm,
        Ecosystem.ConanCenter => Conan,
        Ecosystem.Hex or Ecosystem.SwiftUrl or Ecosystem.Bitnami => Semver,
    };

    /// <summary>
    /// Finds a scheme by a vers name or alias, an OSV ecosystem name or a purl type, ignoring case (so <c>alpine</c>,
    /// <c>apk</c>, <c>Alpine</c>, <c>Red Hat</c>, <c>crates.io</c> all work); false when nothing has that name.
    /// </summary>
    public static bool TryFind(string? name, [NotNullWhen(true)] out VersionScheme? scheme)
    {
        scheme = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var trimmed = name.Trim();
        scheme = All.FirstOrDefault(s => string.Equals(s.Name, trimmed, StringComparison.OrdinalIgnoreCase)) ?? Aliases.GetValueOrDefault(trimmed);
        if (scheme is not null) return true;
        foreach (var ecosystem in Enum.GetValues<Ecosystem>())
        {
            if (string.Equals(ecosystem.ToOsvName(), trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(ecosystem.ToPurlType(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                scheme = For(ecosystem);
                return true;
            }
        }
        return false;
    }

    private static bool Adapt(bool ok, string? message, [NotNullWhen(false)] out VersionParseError? error)
    {
        if (ok)
        {
            error = null;
            return true;
        }
        error = new VersionParseError(StripQuoted(message ?? "not a version"), 0);
        return false;
    }

    // The older parsers say "<Scheme> version '<text>': <what>"; the caller shows the text already.
    private static string StripQuoted(string message) => message.IndexOf("': ", StringComparison.Ordinal) is var k and >= 0 ? message[(k + 3)..].TrimEnd('.') : message.TrimEnd('.');
}
