using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories;

/// <summary>One vulnerability, one finding: records of several databases that are aliases of each other merge.</summary>
public sealed class AliasMergeTests
{
    private const string Registry = "registry+https://github.com/rust-lang/crates.io-index";

    private static readonly string Lockfile = $"""
        version = 3

        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = ["time"]

        [[package]]
        name = "time"
        version = "0.1.43"
        source = "{Registry}"
        """;

    // The shape of the case users met: RustSec's record with its fix, GitHub's with none, each naming the same CVE.
    private static readonly RustSecAdvisory RustSec = RustSecAdvisory.Parse("""
        ```toml
        [advisory]
        id = "RUSTSEC-2020-0071"
        package = "time"
        aliases = ["CVE-2020-26235", "GHSA-wcg3-cvx6-7396"]
        cvss = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H"
        [versions]
        patched = [">= 0.2.23"]
        ```
        # Potential segfault in the time crate
        """, "RUSTSEC-2020-0071.md");

    private static OsvMatcher Ghsa(string id, string aliases, string events) => new(OsvAdvisory.ReadAll($$"""
        {"id":"{{id}}","modified":"2024-01-01T00:00:00Z","aliases":[{{aliases}}],"summary":"Segmentation fault in time",
         "affected":[{"package":{"ecosystem":"crates.io","name":"time"},"ranges":[{"type":"ECOSYSTEM","events":[{{events}}]}]}]}
        """, id + ".json"));

    [Fact]
    public void Scan_RustSecAndGhsaSharingACve_GiveOneFinding_WithEveryIdAndTheFix()
    {
        var scanner = new DependencyScanner([RustSec], Ghsa("GHSA-wcg3-cvx6-7396", "\"CVE-2020-26235\"", """{"introduced":"0"}"""), kev: null);

        var findings = scanner.Scan("Cargo.lock", Lockfile).Findings;

        var finding = Assert.Single(findings);
        Assert.Equal("RUSTSEC-2020-0071", finding.AdvisoryId);
        Assert.Equal(["CVE-2020-26235", "GHSA-wcg3-cvx6-7396"], finding.Aliases.Order(StringComparer.Ordinal));
        Assert.Equal("0.2.23", finding.FixedVersion);
        Assert.Equal(Firebreak.Domain.Cvss.CvssSeverity.Medium, finding.Severity.Level);
    }

    [Fact]
    public void Scan_LinkedOnlyThroughAThirdRecord_StillMerges_AndUnrelatedRecordsStaySeparate()
    {
        var osv = new OsvMatcher(OsvAdvisory.ReadAll("""
            [
             {"id":"GHSA-aaaa-bbbb-cccc","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2099-0001"],
              "affected":[{"package":{"ecosystem":"crates.io","name":"time"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"0.1.44"}]}]}]},
             {"id":"OSV-2099-1","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2099-0001","CVE-2099-0002"],
              "affected":[{"package":{"ecosystem":"crates.io","name":"time"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"0.1.45"}]}]}]},
             {"id":"GHSA-dddd-eeee-ffff","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2099-0002"],
              "affected":[{"package":{"ecosystem":"crates.io","name":"time"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]},
             {"id":"GHSA-gggg-hhhh-iiii","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2099-0003"],
              "affected":[{"package":{"ecosystem":"crates.io","name":"time"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
            ]
            """, "feed.json"));
        var findings = new DependencyScanner([], osv, kev: null).Scan("Cargo.lock", Lockfile).Findings;

        Assert.Equal(2, findings.Count);
        var merged = Assert.Single(findings, f => f.Ids.Contains("CVE-2099-0001"));
        Assert.Equal(["CVE-2099-0001", "CVE-2099-0002", "GHSA-aaaa-bbbb-cccc", "GHSA-dddd-eeee-ffff", "OSV-2099-1"], merged.Ids.Order(StringComparer.Ordinal));
        Assert.Equal("0.1.45", merged.FixedVersion); // the highest fix named: it satisfies every source
        var alone = Assert.Single(findings, f => f.AdvisoryId == "GHSA-gggg-hhhh-iiii");
        Assert.Null(alone.FixedVersion);
    }

    [Fact]
    public void Merge_SameIdsOnDifferentComponents_AreDifferentFindings()
    {
        var a = Finding("pkg:cargo/time@0.1.43", "RUSTSEC-2020-0071", "CVE-2020-26235");
        var b = Finding("pkg:cargo/time@0.1.44", "GHSA-wcg3-cvx6-7396", "CVE-2020-26235");
        Assert.Equal(2, AliasMerge.Merge([a, b]).Count);
    }

    private static ScanFinding Finding(string purl, string id, params string[] aliases) =>
        new("Cargo.lock", PackageUrl.Parse(purl), id, aliases, "", AdvisoryDatabase.Osv, null, AdvisorySeverity.Unknown, null, null, []);
}
