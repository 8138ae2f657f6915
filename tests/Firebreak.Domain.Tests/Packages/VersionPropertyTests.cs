using CsCheck;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>
/// CsCheck properties over generated versions: every scheme's ordering is a total order (antisymmetric, transitive,
/// equal values hash alike) on well-formed versions.
/// </summary>
public sealed class VersionPropertyTests
{
    internal static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    internal static readonly Gen<string> Num = Pick("0", "1", "2", "3", "10", "007", "99999999999999999999");

    private static Gen<string> Join(string separator, Gen<string> part, int min, int max) => part.Array[min, max].Select(p => string.Join(separator, p));

    public static TheoryData<string> Schemes() => [.. Generators.Keys];

    internal static readonly Dictionary<string, Gen<string>> Generators = new()
    {
        ["semver"] = Gen.Select(Pick("0", "1", "2", "10"), Pick("0", "1", "12"), Pick("0", "3"), Pick("", "-alpha", "-alpha.1", "-0", "-rc.1.2", "-x-y"), Pick("", "+b.1")).Select((a, b, c, p, d) => $"{a}.{b}.{c}{p}{d}"),
        ["npm"] = Gen.Select(Pick("", "v"), Join(".", Num, 1, 4), Pick("", "-alpha", "-beta.2", "-0")).Select((v, n, p) => v + n + p),
        ["pypi"] = Gen.Select(Pick("", "1!"), Join(".", Num, 1, 3), Pick("", "a1", "b2", "rc1"), Pick("", ".post1", ".post0"), Pick("", ".dev0", ".dev3"), Pick("", "+local", "+1.abc")).Select((e, r, a, p, d, l) => e + r + a + p + d + l),
        ["nuget"] = Gen.Select(Join(".", Num, 1, 4), Pick("", "-alpha", "-Beta.2", "-rc.10")).Select((n, p) => n + p),
        ["maven"] = Gen.Select(Join(".", Num, 1, 3), Pick("", "-alpha-1", "-SNAPSHOT", "-sp1", "-rc2", "a1", "-final", "-foo")).Select((n, q) => n + q),
        ["gem"] = Gen.Select(Join(".", Num, 1, 3), Pick("", ".a", ".beta.2", "-rc1", ".pre.1")).Select((n, q) => n + q),
        ["deb"] = Gen.Select(Pick("", "1:", "2:"), Join(".", Num, 1, 3), Pick("", "~rc1", "+dfsg", "a"), Pick("", "-1", "-0ubuntu2", "-1~bpo1")).Select((e, u, s, r) => e + u + s + r),
        ["rpm"] = Gen.Select(Pick("", "1:"), Join(".", Num, 1, 3), Pick("", "~rc1", "^git1", "a", "p1"), Pick("", "-1.el7", "-2", "-1.fc38")).Select((e, v, s, r) => e + v + s + r),
        ["alpine"] = Gen.Select(Join(".", Num, 1, 3), Pick("", "a", "z"), Pick("", "_alpha", "_rc2", "_p1", "_git20240101", "_beta_p2"), Pick("", "-r0", "-r12")).Select((n, l, s, r) => n + l + s + r),
        ["composer"] = Gen.Select(Pick("", "v"), Join(".", Num, 1, 4), Pick("", "-dev", "-alpha2", "-beta", "RC1", "-pl1", "-patch3")).Select((v, n, s) => v + n + s),
        ["pub"] = Gen.Select(Pick("0", "1", "2"), Pick("0", "1", "10"), Pick("0", "5"), Pick("", "-dev", "-beta.2", "-1"), Pick("", "+1", "+a.2", "+b")).Select((a, b, c, p, d) => $"{a}.{b}.{c}{p}{d}"),
        ["hackage"] = Join(".", Num, 1, 4),
        ["cran"] = Gen.Select(Num, Num, Pick("", ".1", "-2", ".0-1")).Select((a, b, c) => $"{a}.{b}{c}"),
        ["conan"] = Gen.Select(Join(".", Num, 1, 4), Pick("", "-pre", "-pre.1", "-rc2"), Pick("", "+b1", "+2")).Select((n, p, b) => n + p + b),
        ["gentoo"] = Gen.Select(Join(".", Num, 1, 3), Pick("", "a", "z"), Pick("", "_alpha", "_rc2", "_p1", "_pre_p3", "_beta1_rc"), Pick("", "-r1", "-r10")).Select((n, l, s, r) => n + l + s + r),
        ["openssl"] = Gen.OneOf(Gen.Select(Pick("0.9.8", "1.0.2", "1.1.1"), Pick("", "a", "z", "za", "zh"), Pick("", "-beta1", "-pre9", "-alpha2")).Select((b, l, p) => b + l + p),
            Gen.Select(Pick("3.0.0", "3.1.2", "3.0.10"), Pick("", "-alpha1", "-beta2")).Select((b, p) => b + p)),
        ["nginx"] = Gen.Select(Num, Num, Num).Select((a, b, c) => $"{a}.{b}.{c}"),
        ["datetime"] = Gen.Select(Pick("2023-12-31", "2024-01-01", "2024-02-29"), Pick("T00:00:00", "T23:59:59", "t12:30:00"), Pick("", ".5", ".500", ".123456789"), Pick("Z", "z", "+01:00", "-05:30")).Select((d, t, f, o) => d + t + f + o),
        ["lexicographic"] = Gen.String[Gen.Char["aZ09.-é中"], 1, 6],
        ["generic"] = Gen.Select(Join(".", Num, 1, 3), Pick("", "a", "alpha1", "patch2", "post", "pl3", "-beta")).Select((n, s) => n + s),
        ["intdot"] = Join(".", Num, 1, 4),
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Compare_GeneratedTriples_IsATotalOrder(string name)
    {
        var scheme = VersionSchemes.All.Single(s => s.Name == name);
        var gen = Generators[name];
        Gen.Select(gen, gen, gen).Sample((a, b, c) =>
        {
            IComparable va = scheme.Parse(a), vb = scheme.Parse(b), vc = scheme.Parse(c);
            int ab = Math.Sign(va.CompareTo(vb)), ba = Math.Sign(vb.CompareTo(va)), bc = Math.Sign(vb.CompareTo(vc)), ac = Math.Sign(va.CompareTo(vc));
            Assert.True(ab == -ba, $"{name}: {a} vs {b} gave {ab}, reversed {ba}");
            if (ab <= 0 && bc <= 0) Assert.True(ac <= 0, $"{name}: {a} <= {b} <= {c} but {a} > {c}");
            if (ab == 0 && bc == 0) Assert.True(ac == 0, $"{name}: {a} = {b} = {c} but {a} != {c}");
            if (ab == 0) Assert.True(va.GetHashCode() == vb.GetHashCode(), $"{name}: {a} = {b} hash differently");
        }, iter: 3000);
    }

    [Fact]
    public void Generators_CoverEveryOrderingScheme() =>
        Assert.Equal(VersionSchemes.All.Select(s => s.Name).Except(["cargo", "golang", "all", "none"]).Order(), Generators.Keys.Order());
}
