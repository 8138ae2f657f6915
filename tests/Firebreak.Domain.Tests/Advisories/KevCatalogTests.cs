using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Advisories;

public sealed class KevCatalogTests : IDisposable
{
    private readonly string _lock = Path.GetTempFileName();

    public void Dispose() => File.Delete(_lock);

    private static KevCatalog Catalog()
    {
        var path = ConformanceData.Require("advisory-data/kev/known_exploited_vulnerabilities.json");
        return KevCatalog.Parse(File.ReadAllText(path), path);
    }

    private const string WebpLock = """
        version = 3

        [[package]]
        name = "viewer"
        version = "0.1.0"
        dependencies = ["libwebp-sys"]

        [[package]]
        name = "libwebp-sys"
        version = "0.9.2"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        """;

    [Fact]
    public void Parse_SharedCatalog_ReadsEveryEntry()
    {
        var catalog = Catalog();
        Assert.Equal(1404, catalog.Entries.Count);
        var git = catalog.Find(["CVE-2025-48384"])!;
        Assert.Equal(("Git", "Git Link Following Vulnerability", new DateOnly(2025, 8, 25), new DateOnly(2025, 9, 15), "Unknown"),
            (git.VendorProject, git.VulnerabilityName, git.DateAdded, git.DueDate, git.KnownRansomwareCampaignUse));
    }

    [Fact]
    public void Scan_CrateWhoseAdvisoryAliasIsInKev_IsFlaggedKnownExploited()
    {
        var (advisories, _) = CargoAudit.LoadDatabase(ConformanceData.Require("advisory-data/rustsec"));
        var finding = Assert.Single(CargoAudit.Scan(CargoLock.Parse(WebpLock, "Cargo.lock"), advisories, Catalog()));
        Assert.Equal("RUSTSEC-2023-0061", finding.Advisory.Id);
        Assert.Equal("0.9.3", finding.FixedVersion?.ToString());
        Assert.Equal("CVE-2023-4863", finding.Kev?.CveId);
    }

    [Theory]
    [InlineData("[]", "$.vulnerabilities")]
    [InlineData("{\"vulnerabilities\": [{\"cveID\": 5}]}", "$.vulnerabilities[0].cveID: expected a string")]
    [InlineData("{\"vulnerabilities\": [{\"cveID\": \"CVE-1\", \"vendorProject\": \"v\", \"product\": \"p\", \"vulnerabilityName\": \"n\", \"dateAdded\": \"yesterday\"}]}", "$.vulnerabilities[0].dateAdded: expected a date")]
    [InlineData("{\"vulnerabilities\": [", "Not valid JSON")]
    public void Parse_Malformed_NamesThePath(string json, string message)
    {
        var e = Assert.Throws<AdvisoryFormatException>(() => KevCatalog.Parse(json, "kev.json"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_ScanWithKev_FailsOnKevAndPrintsDueDate()
    {
        File.WriteAllText(_lock, WebpLock);
        var (exit, output, _) = CliHarness.Run(["scan", _lock, "--rustsec", ConformanceData.Require("advisory-data/rustsec"),
            "--kev", ConformanceData.Require("advisory-data/kev/known_exploited_vulnerabilities.json"), "--fail-on", "kev"]);
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("KNOWN EXPLOITED: CVE-2023-4863 in CISA KEV since 2023-09-13, due 2023-10-04", output, StringComparison.Ordinal);
    }
}
