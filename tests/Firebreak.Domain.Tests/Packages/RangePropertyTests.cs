using CsCheck;
using Firebreak.Domain.Packages;
using static Firebreak.Domain.Tests.Packages.VersionPropertyTests;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>
/// CsCheck properties: a native range, converted to vers, admits the same generated versions as the native range
/// itself (where the notation's prerelease rule is outside what vers can say, the rule is stated and checked as
/// such); vers normalisation is idempotent and gives text the strict reader accepts.
/// </summary>
public sealed class RangePropertyTests
{
    private static readonly Gen<string> Small = Pick("0", "1", "2", "3");
    private static readonly Gen<string> SemVer = Gen.Select(Small, Small, Small, Pick("", "", "-alpha", "-0", "-beta.2")).Select((a, b, c, p) => $"{a}.{b}.{c}{p}");

    private static Gen<string> Partial(Gen<string> n) => Gen.OneOf(n, Gen.Select(n, n).Select((a, b) => $"{a}.{b}"), Gen.Select(n, n, n).Select((a, b, c) => $"{a}.{b}.{c}"));

    private static readonly Gen<string> NpmRanges = Gen.Select(Gen.OneOf(
            Gen.Select(Pick("^", "~", ">=", "<", "<=", ">", "", "="), Gen.OneOf(Partial(Small), SemVer, Pick("1.x", "1.2.x", "*"))).Select((op, v) => op + v),
            Gen.Select(Partial(Small), Partial(Small)).Select((a, b) => $"{a} - {b}")).Array[1, 2].Select(s => string.Join(" ", s)).Array[1, 3],
        Gen.Bool).Select((sets, _) => string.Join(" || ", sets));

    private static readonly Gen<string> PepRanges = Gen.Select(Pick("==", "!=", "<=", ">=", "<", ">", "~="), Pick("1.0", "1.2", "2.0", "1.2.3", "2.0rc1", "1.0.post1", "1.2.dev1"), Pick("", ".*"))
        .Where((op, v, w) => w.Length == 0 || (op is "==" or "!=" && !v.Contains('r') && !v.Contains('p') && !v.Contains('d')))
        .Select((op, v, w) => op + v + w).Array[1, 3].Select(a => string.Join(",", a));

    private static readonly Gen<string> PepVersions = Gen.Select(Pick("1", "1.0", "1.2", "1.2.3", "2.0", "0.9", "1.7", "3"), Pick("", "", "a1", "rc1", ".post1", ".dev1", "rc1.dev0", ".post1.dev2"), Pick("", "", "+loc"))
        .Select((r, s, l) => r + s + l);

    private static readonly Gen<string> MavenRanges = Gen.OneOf(Partial(Small),
        Gen.Select(Pick("[", "("), Gen.OneOf(Pick(""), Partial(Small)), Gen.OneOf(Pick(""), Partial(Small)), Pick("]", ")")).Select((a, l, h, b) => $"{a}{l},{h}{b}"));

    private static readonly Gen<string> GemRanges = Gen.Select(Pick("~>", ">=", "<", "<=", ">", "=", "!=", ""), Gen.OneOf(Partial(Small), Pick("1.2.a", "2.0.rc1")))
        .Select((op, v) => $"{op} {v}").Array[1, 2].Select(a => string.Join(", ", a));

    private static readonly Gen<string> GemVersions = Gen.Select(Partial(Small), Pick("", "", ".a", ".rc1", ".0.b")).Select((v, p) => v + p);

    private static readonly Gen<string> CargoRanges = Gen.Select(Pick("^", "~", ">=", "<", "<=", ">", "=", ""), Gen.OneOf(Partial(Small), SemVer, Pick("1.*", "1.2.*", "0.*")))
        .Select((op, v) => op + v).Array[1, 3].Select(a => string.Join(", ", a));

    private static void Agree(VersionScheme scheme, Gen<string> ranges, Gen<string> versions, Func<NativeRange, IComparable, bool?> native) =>
        Gen.Select(ranges, versions).Sample((r, v) =>
        {
            if (!NativeRange.TryParse(scheme, r, out var range, out _)) return true;
            VersRange vers;
            try { vers = range.ToVers(); }
            catch (VersionFormatException) { return true; }
            var version = scheme.Parse(v);
            var expected = native(range, version);
            return expected is null || expected == vers.Contains(version);
        }, iter: 4000);

    [Fact]
    public void Npm_ReleasesAgreeByDefault_EverythingWithIncludePrerelease()
    {
        Agree(VersionSchemes.Npm, NpmRanges, SemVer, (r, v) => ((SemanticVersion)v).IsPrerelease ? null : r.Contains(v));
        Agree(VersionSchemes.Npm, NpmRanges, SemVer, (r, v) => ((NpmRange)r).Contains(v, includePrerelease: true));
    }

    [Fact]
    public void Pep440_AgreesWithPrereleasesAllowed_AndReleasesAgreeByDefault()
    {
        Agree(VersionSchemes.PyPI, PepRanges, PepVersions, (r, v) => ((Pep440Specifiers)r).Contains(v, includePrerelease: true));
        Agree(VersionSchemes.PyPI, PepRanges, PepVersions, (r, v) => ((Pep440Version)v).IsPrerelease ? null : r.Contains(v));
    }

    [Fact]
    public void Cargo_ReleasesAgree() =>
        Agree(VersionSchemes.Cargo, CargoRanges, SemVer, (r, v) => ((SemanticVersion)v).IsPrerelease ? null : r.Contains(v));

    [Fact]
    public void MavenAndNuGet_AgreeOnEveryVersion()
    {
        var versions = Gen.Select(Partial(Small), Pick("", "", "-alpha", "-SNAPSHOT", "-rc.1")).Select((v, q) => v + q);
        Agree(VersionSchemes.Maven, Gen.OneOf(MavenRanges, Gen.Select(MavenRanges, MavenRanges).Select((a, b) => a + "," + b)), versions, (r, v) => r.Contains(v));
        Agree(VersionSchemes.NuGet, MavenRanges, Gen.Select(Partial(Small), Pick("", "-alpha", "-rc.1")).Select((v, q) => v + q), (r, v) => r.Contains(v));
    }

    [Fact]
    public void Gem_ReleasesAgree_PrereleasesOnlyWidenUnderPessimistic() =>
        Agree(VersionSchemes.Gem, GemRanges, GemVersions, (r, v) => ((RubyGemsVersion)v).IsPrerelease ? (r.Contains(v) ? true : null) : r.Contains(v));

    [Fact]
    public void Go_AgreesOnEveryVersion() =>
        Agree(VersionSchemes.Golang, Gen.OneOf(SemVer.Select(v => "v" + v), Gen.Select(SemVer, SemVer).Select((a, b) => $"[v{a}, v{b}]")), SemVer.Select(v => "v" + v), (r, v) => r.Contains(v));

    [Fact]
    public void Normalize_IsIdempotent_AndItsOutputIsStrictlyValid()
    {
        var constraint = Gen.Select(Pick("", ">=", "<", "<=", ">", "!=", " > = ", "< "), Partial(Small)).Select((op, v) => op + v);
        Gen.Select(Pick("npm", "pypi", "maven", "deb", "generic", "alpine"), constraint.Array[1, 5], Pick("|", " | ", "||")).Sample((scheme, parts, bar) =>
        {
            if (!VersRange.TryNormalize($"vers:{scheme}/{string.Join(bar, parts)}", out var normal, out _)) return;
            var text = normal.ToString();
            Assert.Equal(text, VersRange.Normalize(text).ToString());
            Assert.True(VersRange.TryParse(text, out var strict, out var error), $"{text}: {error}");
            Assert.Equal(text, strict.ToString());
        }, iter: 4000);
    }

    [Fact]
    public void NativeToVers_OutputIsAlreadyNormal() =>
        NpmRanges.Sample(r =>
        {
            if (!NativeRange.TryParse(VersionSchemes.Npm, r, out var range, out _)) return;
            try
            {
                var text = range.ToVers().ToString();
                Assert.Equal(text, VersRange.Normalize(text).ToString());
            }
            catch (VersionFormatException e) when (e.Error.Message.Contains("admits no version", StringComparison.Ordinal))
            {
            }
        }, iter: 3000);
}
