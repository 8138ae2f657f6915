using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories.Index;

public class AdvisoryIndexMergeTests
{
    private static readonly AdvisorySource OsvA = new(AdvisorySourceKind.Osv, "/feeds/a", SharedIndex.Retrieved);
    private static readonly AdvisorySource OsvB = new(AdvisorySourceKind.Osv, "/feeds/b", SharedIndex.Retrieved);

    private static IndexedAdvisory Indexed(AdvisorySource source, string id, string package, string modified, params string[] aliases) =>
        new(SharedIndex.Record(id, "npm", package, modified, aliases), source, id + ".json");

    [Fact]
    public void FindVulnerability_RustSecGhsaAndCve_AreOneVulnerabilityWithAllIds()
    {
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var rustsec = index.FindVulnerability("RUSTSEC-2020-0071");

        Assert.NotNull(rustsec);
        Assert.Contains("CVE-2020-26235", rustsec.Ids);
        Assert.Contains("GHSA-wcg3-cvx6-7396", rustsec.Ids);
        Assert.Equal(rustsec.Ids, index.FindVulnerability("GHSA-wcg3-cvx6-7396")!.Ids);
        Assert.Equal(rustsec.Ids, index.FindVulnerability("CVE-2020-26235")!.Ids);
        Assert.Contains(rustsec.Records, r => r.Source.Kind == AdvisorySourceKind.Osv);
        Assert.Contains(rustsec.Records, r => r.Source.Kind == AdvisorySourceKind.RustSec);
    }

    [Fact]
    public void FindVulnerability_AliasChainAcrossSources_MergesTransitively()
    {
        var builder = new AdvisoryIndexBuilder();
        builder.Import(OsvA, [Indexed(OsvA, "GHSA-aaaa", "left", "2024-01-01T00:00:00Z", "CVE-2024-0001")]);
        builder.Import(OsvB, [Indexed(OsvB, "PYSEC-1", "right", "2024-01-01T00:00:00Z", "CVE-2024-0001", "GHSA-bbbb"), Indexed(OsvB, "OTHER-1", "x", "2024-01-01T00:00:00Z")]);
        var index = SharedIndex.Load(builder);

        var merged = index.FindVulnerability("GHSA-bbbb");
        Assert.Equal(["CVE-2024-0001", "GHSA-aaaa", "GHSA-bbbb", "PYSEC-1"], merged!.Ids);
        Assert.Equal(2, merged.Records.Count);
        Assert.Equal(["OTHER-1"], index.FindVulnerability("OTHER-1")!.Ids);
        Assert.Null(index.FindVulnerability("CVE-1999-0001"));
    }

    [Fact]
    public void Import_SameSourceAgain_ReplacesItsRecordsAndKeepsOtherSources()
    {
        var builder = new AdvisoryIndexBuilder();
        builder.Import(OsvA, [Indexed(OsvA, "A-1", "alpha", "2024-01-01T00:00:00Z"), Indexed(OsvA, "A-2", "beta", "2024-01-01T00:00:00Z")]);
        builder.Import(OsvB, [Indexed(OsvB, "B-1", "gamma", "2024-01-01T00:00:00Z")]);
        var refreshed = OsvA with { RetrievedAt = SharedIndex.Retrieved.AddDays(1) };
        var reloaded = AdvisoryIndexBuilder.From(SharedIndex.Load(builder));

        var summary = reloaded.Import(refreshed, [Indexed(refreshed, "A-1", "alpha-renamed", "2024-06-01T00:00:00Z"), Indexed(refreshed, "A-3", "delta", "2024-06-01T00:00:00Z")]);
        var index = SharedIndex.Load(reloaded);

        Assert.Equal(new AdvisoryImportSummary(2, true, 0, 1), summary);
        Assert.Equal(2, index.Sources.Count);
        Assert.Equal(refreshed.RetrievedAt, index.Sources[0].RetrievedAt);
        Assert.Equal(["A-1", "A-3", "B-1"], index.Records.Select(r => r.Advisory.Id).Order());
        Assert.Single(index.Lookup(Ecosystem.Npm, "alpha-renamed"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "alpha"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "beta"));
        Assert.Single(index.Lookup(Ecosystem.Npm, "gamma"));
    }

    [Fact]
    public void Import_OlderCopyOfStoredRecord_KeepsTheNewerStoredCopy()
    {
        var builder = new AdvisoryIndexBuilder();
        builder.Import(OsvA, [Indexed(OsvA, "A-1", "newer-name", "2025-01-01T00:00:00Z")]);

        var summary = builder.Import(OsvA, [Indexed(OsvA, "A-1", "older-name", "2023-01-01T00:00:00Z")]);
        var index = SharedIndex.Load(builder);

        Assert.Equal(1, summary.KeptNewer);
        Assert.Single(index.Lookup(Ecosystem.Npm, "newer-name"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "older-name"));
    }

    [Fact]
    public void Import_RustSecAgain_LeavesTheOsvRecordsByteForByte()
    {
        var first = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var builder = AdvisoryIndexBuilder.From(first);
        builder.Import(SharedIndex.RustSec, AdvisoryFeedReader.ReadRustSec(SharedIndex.RustSec.Location, SharedIndex.RustSec).Records.Take(10));
        var second = SharedIndex.Load(builder);

        var osvBefore = first.Records.Where(r => r.Source.Kind == AdvisorySourceKind.Osv).Select(r => System.Text.Json.JsonSerializer.Serialize(r.Advisory));
        var osvAfter = second.Records.Where(r => r.Source.Kind == AdvisorySourceKind.Osv).Select(r => System.Text.Json.JsonSerializer.Serialize(r.Advisory));
        Assert.Equal(osvBefore, osvAfter);
        Assert.Equal(10, second.SourceRecordCounts[1]);
        Assert.Equal(first.Kev!.Entries.Count, second.Kev!.Entries.Count);
    }
}
