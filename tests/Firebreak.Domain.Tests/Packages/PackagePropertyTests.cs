using CsCheck;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>CsCheck properties: orderings are total orders; purls round-trip; TryParse never throws.</summary>
public sealed class PackagePropertyTests
{
    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static Gen<string?> Optional(Gen<string> gen) => Gen.Select(Gen.Bool, gen).Select((some, v) => some ? v : null);

    private static readonly Gen<string> Number = Gen.OneOf(Gen.Int[0, 12].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Pick("007", "99999999999999999999"));

    private static readonly Gen<string> SemVerText =
        Gen.Select(Number, Number, Number, Pick("", "-alpha", "-alpha.1", "-beta.11", "-rc.1", "-0", "-a.b.5", "-R2"), Pick("", "+build"))
            .Select((a, b, c, pre, build) => $"{a}.{b}.{c}{pre}{build}");

    private static readonly Gen<string> Pep440Text =
        Gen.Select(Pick("", "1!"), Number, Pick("", ".0", ".1", ".0.0"), Pick("", "a1", "b2", "rc1", "c1"),
                Pick("", ".post1", "-2", ".post0"), Pick("", ".dev0", ".dev3"), Pick("", "+local", "+1.abc", "+abc.1"))
            .Select((e, r, r2, pre, post, dev, local) => $"{e}{r}{r2}{pre}{post}{dev}{local}");

    private static void TotalOrder(Ecosystem ecosystem, Gen<string> gen) =>
        Gen.Select(gen, gen, gen).Sample((a, b, c) =>
        {
            int ab = Math.Sign(EcosystemVersions.Compare(ecosystem, a, b)), ba = Math.Sign(EcosystemVersions.Compare(ecosystem, b, a));
            int bc = Math.Sign(EcosystemVersions.Compare(ecosystem, b, c)), ac = Math.Sign(EcosystemVersions.Compare(ecosystem, a, c));
            Assert.Equal(ab, -ba); // antisymmetric
            if (ab <= 0 && bc <= 0) Assert.True(ac <= 0, $"{a} <= {b} <= {c} but {a} > {c}");
            if (ab == 0 && bc == 0) Assert.Equal(0, ac);
        });

    [Fact]
    public void SemVerCompare_GeneratedTriples_IsTotalOrder() => TotalOrder(Ecosystem.Npm, SemVerText);

    [Fact]
    public void Pep440Compare_GeneratedTriples_IsTotalOrder() => TotalOrder(Ecosystem.PyPI, Pep440Text);

    [Fact]
    public void SemVerEquality_EqualVersions_HaveEqualHashes() =>
        Gen.Select(SemVerText, SemVerText).Sample((a, b) =>
        {
            SemanticVersion va = SemanticVersion.Parse(a), vb = SemanticVersion.Parse(b);
            if (va == vb) Assert.Equal(va.GetHashCode(), vb.GetHashCode());
        });

    private static readonly Gen<string> Segment = Gen.String[Gen.Char["abcXYZ019.-_~ %@/?#&=:+é"], 1, 8];

    private static readonly Gen<PackageUrl> Purls =
        Gen.Select(Pick("generic", "npm", "maven", "golang", "my.type-x"), Segment.Array[0, 3], Segment,
                Optional(Segment),
                Gen.Select(Pick("arch", "checksum", "repository_url", "k.e-y_1"), Segment).Array[0, 3],
                Optional(Segment.Array[1, 3].Select(s => string.Join('/', s))))
            .Select(t => ValidOrNull(() => PackageUrl.Create(t.Item1, string.Join('/', t.Item2), t.Item3.Replace("/", "", StringComparison.Ordinal) is { Length: > 0 } n ? n : "n",
                t.Item4, t.Item5.DistinctBy(q => q.Item1).Select(q => new KeyValuePair<string, string?>(q.Item1, q.Item2)), t.Item6)))
            .Where(p => p is not null)
            .Select(p => p!);

    /// <summary>
    /// The round-trip property is about valid purls; a generated combination the type rules refuse (e.g. a
    /// maven namespace made only of separators) is discarded rather than allowed to fail the generator.
    /// </summary>
    private static PackageUrl? ValidOrNull(Func<PackageUrl> create)
    {
        try
        {
            return create();
        }
        catch (PackageUrlFormatException)
        {
            return null;
        }
    }

    [Fact]
    public void PackageUrl_ParseOfToString_RoundTrips() =>
        Purls.Sample(p =>
        {
            var text = p.ToString();
            Assert.Equal(p, PackageUrl.Parse(text));
            Assert.Equal(text, PackageUrl.Parse(text).ToString());
        });

    [Fact]
    public void PackageUrl_TryParseRandomText_NeverThrows() =>
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["pkg:/@?#&=%abc019\ud800"], 0, 30], Gen.String.Select(s => "pkg:" + s))
            .Sample(s =>
            {
                _ = PackageUrl.TryParse(s, PurlStrictness.Strict, out _, out _);
                _ = PackageUrl.TryParse(s, PurlStrictness.Lenient, out _, out _);
            });

    [Fact]
    public void VersionTryParse_RandomText_NeverThrows() =>
        Gen.Select(Gen.Enum<Ecosystem>(), Gen.String).Sample((e, s) => { _ = EcosystemVersions.TryParse(e, s, out _); });
}
