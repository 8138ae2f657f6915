using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Vex;

public sealed class VexMatcherTests
{
    private static readonly DateTimeOffset Day1 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScanFinding Finding(string purl = "pkg:cargo/smallvec@0.6.1", string id = "RUSTSEC-2018-0003", params string[] aliases) =>
        new("Cargo.lock", PackageUrl.Parse(purl), id, aliases.Length == 0 ? ["CVE-2018-20991"] : aliases, "Double free", AdvisoryDatabase.RustSec,
            "0.6.3", AdvisorySeverity.Unknown, null, null, []);

    private static VexStatement Statement(string name, string product, VexStatus status, DateTimeOffset? at = null, params string[] subcomponents) =>
        new(name, [], [new VexProduct(product, subcomponents)], status, at ?? Day1,
            status == VexStatus.NotAffected ? VexJustification.VulnerableCodeNotInExecutePath : null, null,
            status == VexStatus.Affected ? "upgrade" : null);

    [Theory]
    [InlineData("CVE-2018-20991", "pkg:cargo/smallvec@0.6.1", true)]
    [InlineData("cve-2018-20991", "pkg:cargo/smallvec@0.6.1", true)]
    [InlineData("RUSTSEC-2018-0003", "pkg:cargo/smallvec", true)]
    [InlineData("RUSTSEC-2018-0003", "pkg:cargo/smallvec@0.6.2", false)]
    [InlineData("RUSTSEC-2018-0003", "pkg:cargo/smallvec?arch=x86_64", false)]
    [InlineData("RUSTSEC-2018-0003", "pkg:cargo/tinyvec@0.6.1", false)]
    [InlineData("RUSTSEC-2018-0003", "pkg:npm/smallvec@0.6.1", false)]
    [InlineData("CVE-2099-0001", "pkg:cargo/smallvec@0.6.1", false)]
    [InlineData("RUSTSEC-2018-0003", "not a purl", false)]
    public void Apply_NotAffectedStatement_SuppressesOnlyMatchingIdAndPurl(string name, string product, bool suppressed)
    {
        var result = Assert.Single(VexMatcher.Apply([Finding()], [Statement(name, product, VexStatus.NotAffected)]));
        Assert.Equal(suppressed, result.Suppression is not null);
    }

    [Fact]
    public void Apply_StatementWithoutQualifiers_MatchesComponentWithQualifiers()
    {
        var finding = Finding("pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64", "CVE-2023-12345");
        Assert.NotNull(Assert.Single(VexMatcher.Apply([finding], [Statement("CVE-2023-12345", "pkg:apk/wolfi/git@2.39.0-r1", VexStatus.Fixed)])).Suppression);
        Assert.NotNull(Assert.Single(VexMatcher.Apply([finding], [Statement("CVE-2023-12345", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64", VexStatus.Fixed)])).Suppression);
        Assert.Null(Assert.Single(VexMatcher.Apply([finding], [Statement("CVE-2023-12345", "pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", VexStatus.Fixed)])).Suppression);
    }

    [Fact]
    public void Apply_SubcomponentMatches_SuppressesWithJustification()
    {
        var statement = Statement("CVE-2018-20991", "pkg:cargo/app@1.0.0", VexStatus.NotAffected, null, "pkg:cargo/smallvec@0.6.1");
        var suppression = Assert.Single(VexMatcher.Apply([Finding()], [statement])).Suppression;
        Assert.NotNull(suppression);
        Assert.Equal(VexJustification.VulnerableCodeNotInExecutePath, suppression.Justification);
        Assert.Equal("vulnerable_code_not_in_execute_path", suppression.Reason);
    }

    [Theory]
    [InlineData(VexStatus.NotAffected, true)]
    [InlineData(VexStatus.Fixed, true)]
    [InlineData(VexStatus.Affected, false)]
    [InlineData(VexStatus.UnderInvestigation, false)]
    public void Apply_Status_OnlyNotAffectedOrFixedSuppress(VexStatus status, bool suppressed) =>
        Assert.Equal(suppressed, Assert.Single(VexMatcher.Apply([Finding()], [Statement("CVE-2018-20991", "pkg:cargo/smallvec", status)])).Suppression is not null);

    [Fact]
    public void Apply_NewerAffectedAfterOlderNotAffected_IsNotSuppressed()
    {
        var newerFirst = new[]
        {
            Statement("CVE-2018-20991", "pkg:cargo/smallvec", VexStatus.Affected, Day1.AddDays(2)),
            Statement("RUSTSEC-2018-0003", "pkg:cargo/smallvec@0.6.1", VexStatus.NotAffected, Day1),
        };
        Assert.Null(Assert.Single(VexMatcher.Apply([Finding()], newerFirst)).Suppression);
        var reassessed = newerFirst.Append(Statement("CVE-2018-20991", "pkg:cargo/smallvec", VexStatus.NotAffected, Day1.AddDays(3)));
        Assert.NotNull(Assert.Single(VexMatcher.Apply([Finding()], reassessed)).Suppression);
    }

    [Fact]
    public void Apply_EqualTimestamps_LaterStatementWins()
    {
        var statements = new[]
        {
            Statement("CVE-2018-20991", "pkg:cargo/smallvec", VexStatus.NotAffected),
            Statement("CVE-2018-20991", "pkg:cargo/smallvec", VexStatus.UnderInvestigation),
        };
        Assert.Null(Assert.Single(VexMatcher.Apply([Finding()], statements)).Suppression);
        Assert.NotNull(Assert.Single(VexMatcher.Apply([Finding()], statements.Reverse())).Suppression);
    }

    [Fact]
    public void Apply_StatementAliasMatchesFindingAlias_Suppresses()
    {
        var statement = new VexStatement("GHSA-xxxx", ["CVE-2018-20991"], [VexProduct.Of("pkg:cargo/smallvec@0.6.1")], VexStatus.NotAffected, Day1,
            impactStatement: "we never call insert_many");
        var suppression = Assert.Single(VexMatcher.Apply([Finding(), Finding("pkg:cargo/other@1.0.0")], [statement]), f => f.Suppression is not null).Suppression!;
        Assert.Equal("not_affected: we never call insert_many", suppression.Reason);
    }
}
