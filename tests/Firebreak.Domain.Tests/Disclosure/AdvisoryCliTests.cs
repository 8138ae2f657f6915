using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class AdvisoryCliTests : IDisposable
{
    private const string AdvisoryJson = """
        {
          "id": "FBK-2026-0001",
          "aliases": ["CVE-2026-31337", "GHSA-4f7q-9x2c-m3vw"],
          "summary": "Failed evidence uploads leave reporters' contact details in the temporary directory",
          "description": "When an upload fails, the temporary file is not deleted.",
          "publisher": { "name": "Firebreak Project", "namespace": "https://firebreak.example.org", "category": "vendor",
                         "vendor": "Firebreak", "cve_org_id": "8254265b-2729-46b6-b9e3-3dfca2d5bfca" },
          "affected": [
            { "ecosystem": "npm", "name": "@firebreak/portal",
              "ranges": [{ "type": "SEMVER", "events": [{ "introduced": "1.0.0" }, { "fixed": "1.4.2" }] }] }
          ],
          "unaffected": [
            { "purl": "pkg:cargo/firebreak-cli", "versions": ["0.9.2"], "justification": "vulnerable_code_not_present" }
          ],
          "cwes": [{ "id": "CWE-459", "name": "Incomplete Cleanup" }],
          "cvss_v3": "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
          "cvss_v4": "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N",
          "user_safety_impact": "reporters' names and e-mail addresses can be read by local users",
          "references": [{ "type": "fix", "url": "https://github.com/firebreak/firebreak/commit/5d1e2f3a" }],
          "credits": [
            { "type": "reporter", "name": "Jo Example" },
            { "type": "finder", "anonymous": true },
            { "type": "remediation_developer", "name": "Casey Noconsent", "consent": false }
          ],
          "timeline": { "reported": "2026-03-02T09:30:00Z", "acknowledged": "2026-03-03T09:30:00Z", "published": "2026-03-19T09:30:00Z" },
          "revisions": [{ "number": "1", "date": "2026-03-19T09:30:00Z", "summary": "Initial public release." }]
        }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("firebreak-advisory-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Export_Changelog_PrintsRunbookLine()
    {
        var (exit, output, error) = CliHarness.Run(["advisory", "export", Write("fbk.json", AdvisoryJson), "--format", "changelog"]);
        Assert.Equal((0, ""), (exit, error));
        Assert.Equal("- security: @firebreak/portal — fix CWE-459/CVE-2026-31337; user-safety impact: reporters' names and e-mail addresses can be read by local users. Credit: Jo Example.\n", output);
    }

    [Theory]
    [InlineData("osv", "osv")]
    [InlineData("cve5", "cve-record")]
    [InlineData("cve5-container", "cve-cna-container")]
    [InlineData("csaf", "csaf")]
    [InlineData("csaf-vex", "csaf")]
    [InlineData("openvex", "open-vex")]
    public void ExportThenValidate_EveryJsonFormat_Ok(string format, string detected)
    {
        var exported = Path.Combine(folder, format + ".json");
        var export = CliHarness.Run(["advisory", "export", Write("fbk.json", AdvisoryJson), "--format", format, "--output", exported]);
        Assert.Equal((0, ""), (export.Exit, export.Err));
        var (exit, output, error) = CliHarness.Run(["advisory", "validate", exported]);
        Assert.Equal(0, exit);
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(": warning: ", line, StringComparison.Ordinal));
        Assert.Contains($"ok ({detected}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Casey", File.ReadAllText(exported), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CsafWithUndefinedProduct_PrintsPathAndExits1()
    {
        var exported = Path.Combine(folder, "csaf.json");
        CliHarness.Run(["advisory", "export", Write("fbk.json", AdvisoryJson), "--format", "csaf", "--output", exported]);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(exported))!;
        node["vulnerabilities"]![0]!["product_status"]!["fixed"]![0] = "CSAFPID-0099";
        File.WriteAllText(exported, node.ToJsonString());
        var (exit, _, error) = CliHarness.Run(["advisory", "validate", exported]);
        Assert.Equal(1, exit);
        Assert.Contains("$.vulnerabilities[0].product_status.fixed[0]: product id 'CSAFPID-0099' is not defined in the product_tree (6.1.1).", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_OsvWithProjectPrefix_NamesTheRecordInTheProjectsDatabase()
    {
        var json = AdvisoryJson;
        var (exit, output, error) = CliHarness.Run(["advisory", "export", Write("fbk.json", json), "--format", "osv", "--osv-prefix", "FIREBREAK"]);
        Assert.Equal((0, ""), (exit, error));
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.StartsWith("FIREBREAK-", doc.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        var explicitId = CliHarness.Run(["advisory", "export", Write("fbk2.json", json), "--format", "osv", "--osv-prefix", "FIREBREAK", "--osv-id", "FIREBREAK-2026-0042"]);
        Assert.Contains("\"id\": \"FIREBREAK-2026-0042\"", explicitId.Out, StringComparison.Ordinal);
        var bad = CliHarness.Run(["advisory", "export", Write("fbk3.json", json), "--format", "osv", "--osv-prefix", "9"]);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("osv.prefix:", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_BadCwe_NamesFieldAndExits1()
    {
        var (exit, _, error) = CliHarness.Run(["advisory", "export", Write("bad.json", AdvisoryJson.Replace("CWE-459", "CWE-45x", StringComparison.Ordinal)), "--format", "osv"]);
        Assert.Equal(1, exit);
        Assert.Contains("cwes.id: 'CWE-45x' is not a CWE id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OsvMissingModified_ReportsPath()
    {
        var (exit, _, error) = CliHarness.Run(["advisory", "validate", Write("osv.json", """{"schema_version": "1.6.0", "id": "GHSA-4f7q-9x2c-m3vw", "affected": []}""")]);
        Assert.Equal(1, exit);
        Assert.Contains("$.modified: required.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_UnknownFormat_UsageError() =>
        Assert.Equal(2, CliHarness.Run(["advisory", "export", Write("fbk.json", AdvisoryJson), "--format", "pdf"]).Exit);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
