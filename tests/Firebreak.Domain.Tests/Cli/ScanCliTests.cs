using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

public sealed class ScanCliTests : IDisposable
{
    private const string Registry = "registry+https://github.com/rust-lang/crates.io-index";
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-scan-").FullName;

    // smallvec 0.6.1 is hit by RUSTSEC-2018-0003 (CVSS 9.8, critical) and RUSTSEC-2018-0018 (no CVSS).
    private static readonly string Lockfile = $"""
        version = 3

        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = ["smallvec"]

        [[package]]
        name = "smallvec"
        version = "0.6.1"
        source = "{Registry}"
        """;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Lock()
    {
        var path = Path.Combine(_folder, "Cargo.lock");
        File.WriteAllText(path, Lockfile);
        return path;
    }

    private string Vex(string name, params string[] vulnerabilities)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "vex")).FullName;
        var statements = string.Join(",", vulnerabilities.Select(v =>
            $$"""{"vulnerability":{"name":"{{v}}"},"products":[{"@id":"pkg:cargo/smallvec@0.6.1"}],"status":"not_affected","justification":"vulnerable_code_not_in_execute_path","impact_statement":"app never calls insert_many"}"""));
        File.WriteAllText(Path.Combine(folder, name), $$"""{"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.org/vex/app","author":"app maintainers","timestamp":"2024-05-01T10:00:00Z","version":1,"statements":[{{statements}}]}""");
        return folder;
    }

    private static (int Exit, string Out, string Err) Scan(params string[] args) =>
        CliHarness.Run(["scan", .. args, "--rustsec", ConformanceData.Require("advisory-data/rustsec")]);

    [Fact]
    public void Scan_SmallvecWithoutVex_ReportsFindingAndFails()
    {
        var (exit, output, _) = Scan(Lock());
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("smallvec 0.6.1  RUSTSEC-2018-0003 CVE-2018-20991 GHSA-rxr4-x558-x7hw  fix: 0.6.3  severity: critical 9.8", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_VexNotAffectedForEveryAdvisory_SuppressesAndExitsZeroUnderFailOnAny()
    {
        var vex = Vex("smallvec.json", "CVE-2018-20991", "RUSTSEC-2018-0018");
        var (exit, output, error) = Scan(Lock(), "--vex", vex, "--fail-on", "any");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("0 finding(s), 2 suppressed by VEX", output, StringComparison.Ordinal);
        Assert.Contains("RUSTSEC-2018-0003 CVE-2018-20991 GHSA-rxr4-x558-x7hw  suppressed by VEX (CVE-2018-20991): vulnerable_code_not_in_execute_path: app never calls insert_many", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CycloneDxVexWithSuppression_ShowsNotAffectedAnalysis()
    {
        var (exit, output, _) = Scan(Lock(), "--vex", Vex("one.json", "CVE-2018-20991"), "--format", "cyclonedx-vex");
        Assert.Equal(ExitCodes.Findings, exit);
        var bom = JsonNode.Parse(output)!;
        Assert.Equal("1.6", (string?)bom["specVersion"]);
        var vulnerabilities = bom["vulnerabilities"]!.AsArray();
        var suppressed = Assert.Single(vulnerabilities, v => (string?)v!["id"] == "RUSTSEC-2018-0003")!;
        Assert.Equal("not_affected", (string?)suppressed["analysis"]!["state"]);
        Assert.Equal("code_not_reachable", (string?)suppressed["analysis"]!["justification"]);
        Assert.Contains("vulnerable_code_not_in_execute_path", (string?)suppressed["analysis"]!["detail"], StringComparison.Ordinal);
        var open = Assert.Single(vulnerabilities, v => (string?)v!["id"] == "RUSTSEC-2018-0018")!;
        Assert.Equal("exploitable", (string?)open["analysis"]!["state"]);
        Assert.Equal("pkg:cargo/smallvec@0.6.1", (string?)open["affects"]![0]!["ref"]);
        Assert.Equal("pkg:cargo/smallvec@0.6.1", (string?)bom["components"]![0]!["bom-ref"]);
    }

    [Theory]
    [InlineData("critical", ExitCodes.Findings)]
    [InlineData("high", ExitCodes.Findings)]
    [InlineData("kev", ExitCodes.Ok)]
    [InlineData("none", ExitCodes.Ok)]
    public void Scan_FailOnLevel_CriticalFindingDecidesExit(string level, int expected) =>
        Assert.Equal(expected, Scan(Lock(), "--fail-on", level).Exit);

    [Theory]
    [InlineData("critical", ExitCodes.Ok)]
    [InlineData("high", ExitCodes.Ok)]
    [InlineData("any", ExitCodes.Findings)]
    public void Scan_CriticalSuppressedByVex_OnlyUnratedFindingLeft(string level, int expected) =>
        Assert.Equal(expected, Scan(Lock(), "--vex", Vex("one.json", "CVE-2018-20991"), "--fail-on", level).Exit);

    [Fact]
    public void Scan_MalformedVex_ReportsJsonPathAndExitsOne()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bad")).FullName;
        File.WriteAllText(Path.Combine(folder, "bad.json"), """{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","author":"a","timestamp":"2024-05-01T10:00:00Z","version":1,"statements":[{"vulnerability":{"name":"CVE-1"},"status":"not_affected"}]}""");
        var (exit, _, error) = Scan(Lock(), "--vex", folder);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("bad.json: $.statements[0]: a not_affected statement must give a justification or an impact_statement.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_JsonAliasAndFormatJson_GiveTheSameDocument()
    {
        var alias = JsonNode.Parse(Scan(Lock(), "--json").Out)!;
        var format = JsonNode.Parse(Scan(Lock(), "--format", "json").Out)!;
        Assert.Equal(alias.ToJsonString(), format.ToJsonString());
        Assert.Equal(2, alias["findings"]!.AsArray().Count);
        Assert.Equal("critical", (string?)alias["findings"]![0]!["severity"]);
    }

    [Fact]
    public void Scan_JsonWithOtherFormat_IsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, Scan(Lock(), "--json", "--format", "sarif").Exit);

    [Fact]
    public void Scan_SarifFormat_LocatesResultsInTheScannedFile()
    {
        var lockfile = Lock();
        var sarif = JsonNode.Parse(Scan(lockfile, "--format", "sarif").Out)!;
        var result = sarif["runs"]![0]!["results"]![0]!;
        Assert.Equal(new Uri(lockfile).AbsoluteUri, (string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
    }
}
