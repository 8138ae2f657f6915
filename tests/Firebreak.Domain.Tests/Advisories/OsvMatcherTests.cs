using CsCheck;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Advisories;

public class OsvMatcherTests
{
    private static IReadOnlyList<OsvAdvisory> ReadShared(string file)
    {
        var path = ConformanceData.Require("advisory-data/osv/" + file);
        return OsvAdvisory.ReadAll(File.ReadAllText(path), path);
    }

    [Fact]
    public void ReadAll_EverySharedRecordFile_Reads()
    {
        var folder = ConformanceData.Require("advisory-data/osv");
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var records = OsvAdvisory.ReadAll(File.ReadAllText(file), file);
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Id)));
            total += records.Count;
        }
        Assert.True(total >= 11, $"only {total} records read");
    }

    [Theory]
    [InlineData("pkg:nuget/Newtonsoft.Json@12.0.3", true, "13.0.1")]
    [InlineData("pkg:nuget/newtonsoft.json@12.0.3", true, "13.0.1")]
    [InlineData("pkg:nuget/Newtonsoft.Json@13.0.1", false, null)]
    [InlineData("pkg:npm/Newtonsoft.Json@12.0.3", false, null)]
    public void Match_NuGetRecord_FollowsRangeAndName(string purl, bool affected, string? fix)
    {
        var matcher = new OsvMatcher(ReadShared("GHSA-5crp-9r3c-p9vr.json"));
        var findings = matcher.Match([PackageUrl.Parse(purl)]);
        Assert.Equal(affected, findings.Count > 0);
        if (affected) Assert.Equal(fix, findings[0].FixedVersion);
    }

    [Theory]
    [InlineData("pkg:npm/baz@1.0.0", true, "1.0.1")]
    [InlineData("pkg:npm/baz@1.0.1", false, null)]
    [InlineData("pkg:npm/baz@2.0.0", true, "2.0.1")]
    [InlineData("pkg:npm/baz@3.0.0", false, null)]
    public void Match_NpmRecordWithTwoIntervals_SuggestsTheNearestFix(string purl, bool affected, string? fix)
    {
        var findings = new OsvMatcher(ReadShared("guidedremediation_testdata_npm_vulnerabilities.json")).Match([PackageUrl.Parse(purl)]);
        var baz = findings.Where(f => f.Component.Name == "baz").ToList();
        Assert.Equal(affected, baz.Count > 0);
        if (affected) Assert.Contains(baz, f => f.FixedVersion == fix);
    }

    [Fact]
    public void Match_WithdrawnRecord_NeverMatches()
    {
        var record = OsvAdvisory.ReadAll("""{"id":"X-1","withdrawn":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}""", "x.json");
        Assert.Empty(new OsvMatcher(record).Match([PackageUrl.Parse("pkg:npm/a@1.0.0")]));
    }

    [Theory]
    [InlineData("{\"affected\":[]}", "$.id: required")]
    [InlineData("{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"a\"},\"ranges\":[{\"type\":\"WEIRD\"}]}]}", "$.affected[0].ranges[0].type: 'WEIRD'")]
    [InlineData("{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"a\"},\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"fixed\":1}]}]}]}", "$.affected[0].ranges[0].events[0]")]
    [InlineData("[1]", "$[0]: expected an OSV record")]
    [InlineData("{\"id\":", "Not valid JSON")]
    public void ReadAll_Malformed_NamesTheJsonPath(string json, string message)
    {
        var e = Assert.Throws<AdvisoryFormatException>(() => OsvAdvisory.ReadAll(json, "bad.json"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_RandomText_ThrowsOnlyAdvisoryFormatException() =>
        Gen.String.Sample(text =>
        {
            try { OsvAdvisory.ReadAll(text, "random.json"); }
            catch (AdvisoryFormatException) { }
        });

    [Fact]
    public void Cli_ScanPurlListAgainstOsv_ReportsFindingAndBadLine()
    {
        var list = Path.GetTempFileName();
        try
        {
            File.WriteAllText(list, "# components\npkg:nuget/Newtonsoft.Json@12.0.3\npkg:npm/left-pad@1.3.0\nnot a purl\n");
            var (exit, output, error) = CliHarness.Run(["scan", "--osv", ConformanceData.Require("advisory-data/osv"), "--purls", list]);
            Assert.Equal(ExitCodes.InvalidInput, exit);
            Assert.Contains("pkg:nuget/Newtonsoft.Json@12.0.3  GHSA-5crp-9r3c-p9vr", output, StringComparison.Ordinal);
            Assert.Contains("fix: 13.0.1", output, StringComparison.Ordinal);
            Assert.Contains($"{list}:4:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(list);
        }
    }

    [Fact]
    public void Cli_ScanWithoutAdvisorySource_IsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, CliHarness.Run(["scan", "Cargo.lock"]).Exit);
}
