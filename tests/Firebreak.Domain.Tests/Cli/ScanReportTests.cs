using System.Text.Json.Nodes;
using Firebreak.Cli.Scan;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Cli;

public sealed class ScanReportTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly KevEntry Kev = new("CVE-2023-4863", "Google", "Chromium", "Heap overflow", new DateOnly(2023, 9, 13), new DateOnly(2023, 10, 4), "Unknown", "Patch");

    private static IReadOnlyList<ScanFinding> Findings() =>
    [
        new("Cargo.lock", PackageUrl.Parse("pkg:cargo/smallvec@0.6.1"), "RUSTSEC-2018-0003", ["CVE-2018-20991"], "Double free | in insert_many",
            AdvisoryDatabase.RustSec, "0.6.3", AdvisorySeverity.FromVector("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), null,
            "https://rustsec.org/advisories/RUSTSEC-2018-0003.html", ["app 0.1.0", "smallvec 0.6.1"]),
        new("web/package-lock.json", PackageUrl.Parse("pkg:npm/%40scope/lib@1.0.0"), "GHSA-aaaa-bbbb-cccc", [], "Prototype pollution",
            AdvisoryDatabase.Osv, null, AdvisorySeverity.FromVectors([], "MODERATE"), null, null, [])
        {
            Suppression = new VexSuppression("GHSA-aaaa-bbbb-cccc", VexStatus.NotAffected, VexJustification.InlineMitigationsAlreadyExist, null, Now),
        },
        new("bom.cdx.json", PackageUrl.Parse("pkg:deb/debian/libwebp@1.2.4"), "CVE-2023-4863", [], "", AdvisoryDatabase.Osv, "1.3.2",
            AdvisorySeverity.FromVectors(["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N"], null), Kev, "https://example.org/CVE-2023-4863", []),
    ];

    [Fact]
    public void Sarif_Findings_OneRunWithRulesAndLocatedResults()
    {
        var log = JsonNode.Parse(ScanReportSarif.Write(Findings()))!;
        Assert.Equal("2.1.0", (string?)log["version"]);
        var run = Assert.Single(log["runs"]!.AsArray())!;
        Assert.Equal("firebreak", (string?)run["tool"]!["driver"]!["name"]);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(["RUSTSEC-2018-0003", "GHSA-aaaa-bbbb-cccc", "CVE-2023-4863"], rules.Select(r => (string?)r!["id"]));
        Assert.Equal("9.8", (string?)rules[0]!["properties"]!["security-severity"]);
        Assert.Equal("https://rustsec.org/advisories/RUSTSEC-2018-0003.html", (string?)rules[0]!["helpUri"]);
        Assert.Null(rules[1]!["properties"]!["security-severity"]);
        Assert.Equal("Double free | in insert_many", (string?)rules[0]!["shortDescription"]!["text"]);
        var results = run["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        Assert.Equal(["error", "warning", "error"], results.Select(r => (string?)r!["level"]));
        Assert.All(results, r => Assert.Equal((string?)r!["ruleId"], (string?)rules[(int)r["ruleIndex"]!]!["id"]));
        Assert.Equal("web/package-lock.json", (string?)results[1]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Contains("Upgrade to 0.6.3", (string?)results[0]!["message"]!["text"], StringComparison.Ordinal);
        var suppression = Assert.Single(results[1]!["suppressions"]!.AsArray())!;
        Assert.Equal("external", (string?)suppression["kind"]);
        Assert.Contains("inline_mitigations_already_exist", (string?)suppression["justification"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycloneDx_Findings_ValidatesAgainstOfficialSchema()
    {
        var json = ScanReportCycloneDx.Write(Findings(), Now);
        var errors = await SchemaValidation.ErrorsAsync("schemas/cyclonedx/bom-1.6.schema.json", json);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var bom = JsonNode.Parse(json)!;
        Assert.Equal("2024-06-01T12:00:00Z", (string?)bom["metadata"]!["timestamp"]);
        var vulnerabilities = bom["vulnerabilities"]!.AsArray();
        Assert.Equal(["exploitable", "not_affected", "exploitable"], vulnerabilities.Select(v => (string?)v!["analysis"]!["state"]));
        Assert.Equal("protected_by_mitigating_control", (string?)vulnerabilities[1]!["analysis"]!["justification"]);
        var rating = vulnerabilities[0]!["ratings"]![0]!;
        Assert.Equal(9.8, (double?)rating["score"]);
        Assert.Equal("critical", (string?)rating["severity"]);
        Assert.Equal("CVSSv3", (string?)rating["method"]);
        var refs = bom["components"]!.AsArray().Select(c => (string?)c!["bom-ref"]).ToHashSet();
        Assert.All(vulnerabilities, v => Assert.Contains((string?)v!["affects"]![0]!["ref"], refs));
    }

    [Fact]
    public async Task CycloneDx_Schema_RejectsAnUnknownAnalysisState()
    {
        // Proves the schema check is live: the analysis state is an enum in CycloneDX 1.6.
        var json = ScanReportCycloneDx.Write(Findings(), Now).Replace("\"exploitable\"", "\"dunno\"", StringComparison.Ordinal);
        Assert.NotEmpty(await SchemaValidation.ErrorsAsync("schemas/cyclonedx/bom-1.6.schema.json", json));
    }

    [Theory]
    [InlineData(VexJustification.ComponentNotPresent, "code_not_present")]
    [InlineData(VexJustification.VulnerableCodeNotPresent, "code_not_present")]
    [InlineData(VexJustification.VulnerableCodeNotInExecutePath, "code_not_reachable")]
    [InlineData(VexJustification.VulnerableCodeCannotBeControlledByAdversary, "requires_environment")]
    [InlineData(VexJustification.InlineMitigationsAlreadyExist, "protected_by_mitigating_control")]
    public void CycloneDx_Justification_MapsToCycloneDxVocabulary(VexJustification justification, string expected) =>
        Assert.Equal(expected, ScanReportCycloneDx.Justification(justification));

    [Fact]
    public void Markdown_Findings_TableWithEscapedCellsAndSuppressedSection()
    {
        var output = new StringWriter();
        ScanReportMarkdown.Write(output, Findings());
        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("### firebreak scan: 2 finding(s), 1 suppressed by VEX", lines[0]);
        Assert.Contains("| Severity | Advisory | Package | File | Fixed in | Known exploited |", lines);
        Assert.Contains(lines, l => l.StartsWith("| critical 9.8 | [RUSTSEC-2018-0003](https://rustsec.org/advisories/RUSTSEC-2018-0003.html) (CVE-2018-20991)<br>Double free \\| in insert_many |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| medium 4.3 | [CVE-2023-4863]", StringComparison.Ordinal) && l.EndsWith("| CVE-2023-4863 |", StringComparison.Ordinal));
        Assert.Contains("#### Suppressed by VEX", lines);
        Assert.Contains("| GHSA-aaaa-bbbb-cccc<br>Prototype pollution | `pkg:npm/%40scope/lib@1.0.0` | not_affected | inline_mitigations_already_exist |", lines);
        // Every table row has the same number of unescaped cell separators as its header.
        Assert.All(lines.Where(l => l.StartsWith("| critical", StringComparison.Ordinal)), l => Assert.Equal(7, l.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public void Gate_KevFindingWithLowCvss_CountsAsCritical()
    {
        var kevOnly = Findings().Where(f => f.Kev is not null).ToList();
        Assert.Equal(CvssSeverity.Critical, Assert.Single(kevOnly).GateSeverity);
        Assert.True(ScanGate.Fails("critical", kevOnly));
        Assert.False(ScanGate.Fails("critical", [Findings()[1]]));
        Assert.False(ScanGate.Fails("any", [Findings()[1]]));
    }
}
