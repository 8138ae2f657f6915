using System.Text.Json;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Advisories.Index;

public class AdvisoryIndexRoundTripTests
{
    private static string Json(object? value) => JsonSerializer.Serialize(value);

    [Fact]
    public void Load_SharedFeedsWritten_GivesBackEveryRecordUnchanged()
    {
        var osv = AdvisoryFeedReader.ReadOsv(SharedIndex.Osv.Location, SharedIndex.Osv);
        var rustsec = AdvisoryFeedReader.ReadRustSec(SharedIndex.RustSec.Location, SharedIndex.RustSec);
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");

        var expected = osv.Records.Concat(rustsec.Records).ToList();
        Assert.Empty(osv.Errors);
        Assert.True(rustsec.Records.Count > 1000, $"only {rustsec.Records.Count} RustSec advisories");
        var byId = index.Records.ToDictionary(r => (r.Source.Kind, r.Advisory.Id, r.Origin));
        Assert.Equal(expected.Count, byId.Count);
        foreach (var record in expected)
        {
            var stored = byId[(record.Source.Kind, record.Advisory.Id, record.Origin)];
            Assert.Equal(Json(record.Advisory), Json(stored.Advisory));
            Assert.Equal(Json(record.RustSec), Json(stored.RustSec));
            Assert.Equal(record.Origin, stored.Origin);
        }
    }

    [Fact]
    public void Load_SharedFeedsWritten_KeepsSourcesRetrievalTimesAndKev()
    {
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var kev = AdvisoryFeedReader.ReadKev(SharedIndex.Kev.Location);

        Assert.Equal([AdvisorySourceKind.Osv, AdvisorySourceKind.RustSec, AdvisorySourceKind.Kev], index.Sources.Select(s => s.Kind));
        Assert.All(index.Sources, s => Assert.Equal(SharedIndex.Retrieved, s.RetrievedAt));
        Assert.Equal(SharedIndex.RustSec.Location, index.Sources[1].Location);
        Assert.Equal(kev.Entries.Count, index.Kev!.Entries.Count);
        Assert.Equal(kev.CatalogVersion, index.Sources[2].CatalogVersion);
        Assert.Equal(Json(kev.Entries), Json(index.Kev.Entries));
        Assert.True(index.EcosystemCounts[1]["crates.io"] > 1000);
        Assert.Equal(kev.Entries.Count, index.SourceRecordCounts[2]);
    }

    [Fact]
    public void CreateMatcher_Smallvec061_FindsRustSec20180003FixedIn063()
    {
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var findings = index.CreateMatcher().Match([PackageUrl.Parse("pkg:cargo/smallvec@0.6.1")]);

        var finding = Assert.Single(findings, f => f.Advisory.Id == "RUSTSEC-2018-0003");
        Assert.Equal("0.6.3", finding.FixedVersion);
        Assert.DoesNotContain(index.CreateMatcher().Match([PackageUrl.Parse("pkg:cargo/smallvec@0.6.3")]), f => f.Advisory.Id == "RUSTSEC-2018-0003");
    }

    [Theory]
    [InlineData("pkg:nuget/Newtonsoft.Json@12.0.3")]
    [InlineData("pkg:npm/baz@1.0.0")]
    [InlineData("pkg:npm/baz@2.0.0")]
    [InlineData("pkg:npm/baz@3.0.0")]
    [InlineData("pkg:golang/golang.org/x/net@0.3.0")]
    [InlineData("pkg:golang/github.com/gogo/protobuf@1.3.1")]
    [InlineData("pkg:cargo/time@0.2.7")]
    [InlineData("pkg:maven/pkg/d@2.0.0")]
    [InlineData("pkg:pypi/bad3@1.1.0")]
    public void CreateMatcher_SharedOsvRecords_FindsWhatTheInMemoryMatcherFinds(string purl)
    {
        var records = Firebreak.Cli.Scan.ScanSources.ReadOsv(SharedIndex.Osv.Location, TextWriter.Null);
        var kev = AdvisoryFeedReader.ReadKev(SharedIndex.Kev.Location);
        var component = PackageUrl.Parse(purl);
        var expected = new OsvMatcher(records, kev).Match([component]);
        var actual = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx").CreateMatcher(includeRustSec: false).Match([component]);

        Assert.Equal(expected.Select(f => (f.Advisory.Id, f.FixedVersion, f.Kev?.CveId)), actual.Select(f => (f.Advisory.Id, f.FixedVersion, f.Kev?.CveId)));
    }

    [Fact]
    public void RustSecAdvisories_FromIndex_AuditLikeTheAdvisoryDatabase()
    {
        var (advisories, _) = CargoAudit.LoadDatabase(SharedIndex.RustSec.Location);
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var packages = string.Join("\n", advisories.Select(a => a.Package).Distinct().Take(300).SelectMany((name, i) => new[] { "0.1.0", "0.6.1", "1.0.0" }.Select(v =>
            $"[[package]]\nname = \"{name}\"\nversion = \"{v}\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n")));
        var lockfile = CargoLock.Parse("version = 3\n\n" + packages, "Cargo.lock");

        var expected = CargoAudit.Scan(lockfile, advisories).Select(f => (f.Package.Name, f.Package.Version, f.Advisory.Id, f.FixedVersion?.ToString())).ToList();
        var actual = CargoAudit.Scan(lockfile, index.RustSecAdvisories()).Select(f => (f.Package.Name, f.Package.Version, f.Advisory.Id, f.FixedVersion?.ToString())).ToList();

        Assert.True(expected.Count > 100, $"only {expected.Count} findings");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Lookup_Package_DecodesOnlyItsRecordsWithTheirSource()
    {
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var records = index.Lookup(Ecosystem.CratesIo, "SmallVec");

        Assert.Contains(records, r => r.Advisory.Id == "RUSTSEC-2018-0003");
        Assert.All(records, r => Assert.Equal(AdvisorySourceKind.RustSec, r.Source.Kind));
        Assert.All(records, r => Assert.StartsWith("crates", r.Origin, StringComparison.Ordinal));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "smallvec"));
    }
}
