using System.Security.Cryptography;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories.Index;

/// <summary>The builder encodes records as they are imported (staged), and the file must not notice.</summary>
public sealed class AdvisoryIndexStreamedImportTests : IDisposable
{
    private static readonly AdvisorySource Osv = new(AdvisorySourceKind.Osv, "/feeds/osv", SharedIndex.Retrieved);
    private static readonly AdvisorySource RustSec = new(AdvisorySourceKind.RustSec, "/feeds/rustsec", SharedIndex.Retrieved);
    private static readonly AdvisorySource Kev = new(AdvisorySourceKind.Kev, "/feeds/kev.json", SharedIndex.Retrieved);

    /// <summary>
    /// SHA-256 of the shared OSV, RustSec and KEV data written under <see cref="Osv"/>, <see cref="RustSec"/> and
    /// <see cref="Kev"/> by the writer before records were staged (commit 5efebf4, which held every record as
    /// objects until writing). Changes only with the shared data, the file format, or what the records say: on branch
    /// `versions` RustSec's caret and tilde requirements convert with the Cargo reading (^0.5.2 leaves 0.6.0's
    /// prereleases affected: introduced 0.6.0-0 where it was 0.6.0), so the pinned bytes moved from 6d37cc09….
    /// </summary>
    private const string BytesBeforeStaging = "0247e72be45536fae171ec6f7938e2dbe7c1d6e3d7361fbbf8fed344196dda04";

    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-stream-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AdvisoryIndexBuilder FromLists()
    {
        var builder = new AdvisoryIndexBuilder();
        builder.Import(Osv, AdvisoryFeedReader.ReadOsv(SharedIndex.Osv.Location, Osv).Records);
        builder.Import(RustSec, AdvisoryFeedReader.ReadRustSec(SharedIndex.RustSec.Location, RustSec).Records);
        builder.ImportKev(Kev, AdvisoryFeedReader.ReadKev(SharedIndex.Kev.Location));
        return builder;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Record(string id, string package, string modified) =>
        $$"""{"id":"{{id}}","modified":"{{modified}}","affected":[{"package":{"ecosystem":"npm","name":"{{package}}"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}""";

    [Fact]
    public void WriteTo_SharedFeeds_GivesTheBytesTheWriterGaveBeforeStaging()
    {
        var bytes = SharedIndex.Bytes(FromLists());

        Assert.Equal(BytesBeforeStaging, Sha256(bytes));
        Assert.Equal(bytes, SharedIndex.Bytes(AdvisoryIndexBuilder.From(AdvisoryIndex.Load(bytes, "x.fbx"))));
    }

    [Fact]
    public void ImportOsv_Streamed_WritesTheSameIndexAsImportingTheReadList()
    {
        var streamed = new AdvisoryIndexBuilder();
        var import = streamed.StartImport(Osv);
        var errors = AdvisoryFeedReader.ImportOsv(import, SharedIndex.Osv.Location, Osv);
        var summary = import.Complete();
        streamed.Import(RustSec, AdvisoryFeedReader.ReadRustSec(SharedIndex.RustSec.Location, RustSec).Records);
        streamed.ImportKev(Kev, AdvisoryFeedReader.ReadKev(SharedIndex.Kev.Location));

        Assert.Empty(errors);
        Assert.Equal(27, summary.Records);
        Assert.Equal(27, import.Read);
        Assert.Equal(SharedIndex.Bytes(FromLists()), SharedIndex.Bytes(streamed));
    }

    [Fact]
    public void ImportOsv_SameIdTwiceInAnArray_KeepsTheLaterModifiedWhereverItStands()
    {
        var file = Write("feed.json", $"[{Record("X-1", "newer", "2025-01-01T00:00:00Z")},{Record("X-1", "older", "2023-01-01T00:00:00Z")},{Record("Y-1", "other", "2024-01-01T00:00:00Z")}]");
        var builder = new AdvisoryIndexBuilder();
        var import = builder.StartImport(Osv);

        Assert.Empty(AdvisoryFeedReader.ImportOsv(import, file, Osv));
        Assert.Equal(new AdvisoryImportSummary(2, false, 0, 0), import.Complete());
        var index = SharedIndex.Load(builder);
        Assert.Equal(["X-1", "Y-1"], index.Records.Select(r => r.Advisory.Id));
        Assert.Single(index.Lookup(Ecosystem.Npm, "newer"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "older"));
    }

    [Fact]
    public void ImportOsv_FolderRefreshedWithAnOlderCopyInOneFile_KeepsTheStoredNewerCopy()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "osv")).FullName;
        var source = Osv with { Location = folder };
        Write("osv/a.json", Record("A-1", "alpha-2025", "2025-01-01T00:00:00Z"));
        Write("osv/b.json", Record("B-1", "beta", "2024-01-01T00:00:00Z"));
        var builder = new AdvisoryIndexBuilder();
        var first = builder.StartImport(source);
        AdvisoryFeedReader.ImportOsv(first, folder, source);
        first.Complete();
        Write("osv/a.json", Record("A-1", "alpha-2023", "2023-01-01T00:00:00Z"));
        Write("osv/b.json", Record("B-1", "beta-2025", "2025-06-01T00:00:00Z"));

        var reloaded = AdvisoryIndexBuilder.From(SharedIndex.Load(builder));
        var again = reloaded.StartImport(source with { RetrievedAt = SharedIndex.Retrieved.AddDays(1) });
        AdvisoryFeedReader.ImportOsv(again, folder, source);
        var summary = again.Complete();
        var index = SharedIndex.Load(reloaded);

        Assert.Equal(new AdvisoryImportSummary(2, true, 1, 0), summary);
        Assert.Single(index.Lookup(Ecosystem.Npm, "alpha-2025"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "alpha-2023"));
        Assert.Single(index.Lookup(Ecosystem.Npm, "beta-2025"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "beta"));
    }

    [Fact]
    public void ImportOsv_MalformedRecordMidArray_LeavesThatFileOutWholeWithItsLocatedError()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "mixed")).FullName;
        var source = Osv with { Location = folder };
        Write("mixed/a-good.json", $"[{Record("G-1", "good", "2024-01-01T00:00:00Z")}]");
        Write("mixed/b-bad.json", $"[{Record("G-1", "replaced", "2025-01-01T00:00:00Z")},{Record("B-1", "before", "2024-01-01T00:00:00Z")},{{\"id\":\"B-2\",\"affected\":5}},{Record("B-3", "after", "2024-01-01T00:00:00Z")}]");
        var builder = new AdvisoryIndexBuilder();
        var import = builder.StartImport(source);

        var error = Assert.Single(AdvisoryFeedReader.ImportOsv(import, folder, source));
        var summary = import.Complete();
        var index = SharedIndex.Load(builder);

        Assert.Equal("b-bad.json:0: $[2].affected: expected a list.", error.Message);
        Assert.Equal(1, import.Read);
        Assert.Equal(1, summary.Records);
        Assert.Equal(["G-1"], index.Records.Select(r => r.Advisory.Id));
        Assert.Single(index.Lookup(Ecosystem.Npm, "good"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "replaced"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "before"));
    }

    [Fact]
    public void AddFile_EnumerationThrowsAfterReplacingAnEarlierRecord_RestoresIt()
    {
        static IEnumerable<IndexedAdvisory> Failing()
        {
            yield return new IndexedAdvisory(SharedIndex.Record("A-1", "npm", "a-newer", "2025-01-01T00:00:00Z"), Osv, "a.json");
            yield return new IndexedAdvisory(SharedIndex.Record("C-1", "npm", "c", "2025-01-01T00:00:00Z"), Osv, "c.json");
            throw new AdvisoryFormatException("c.json", 3, "broken");
        }
        var builder = new AdvisoryIndexBuilder();
        var import = builder.StartImport(Osv);
        import.AddFile([new IndexedAdvisory(SharedIndex.Record("A-1", "npm", "a-older", "2024-01-01T00:00:00Z"), Osv, "a.json"),
            new IndexedAdvisory(SharedIndex.Record("B-1", "npm", "b", "2024-01-01T00:00:00Z"), Osv, "b.json")]);

        Assert.Throws<AdvisoryFormatException>(() => import.AddFile(Failing()));
        import.AddFile([new IndexedAdvisory(SharedIndex.Record("D-1", "npm", "d", "2024-01-01T00:00:00Z"), Osv, "d.json")]);

        Assert.Equal(new AdvisoryImportSummary(3, false, 0, 0), import.Complete());
        var index = SharedIndex.Load(builder);
        Assert.Equal(["A-1", "B-1", "D-1"], index.Records.Select(r => r.Advisory.Id));
        Assert.Single(index.Lookup(Ecosystem.Npm, "a-older"));
        Assert.Empty(index.Lookup(Ecosystem.Npm, "a-newer"));
        Assert.Equal(3, import.Read);
    }

    [Fact]
    public void Complete_Twice_IsRefusedAndSoIsAddingAfterIt()
    {
        var import = new AdvisoryIndexBuilder().StartImport(Osv);
        import.Complete();

        Assert.Throws<InvalidOperationException>(import.Complete);
        Assert.Throws<InvalidOperationException>(() => import.AddFile([]));
    }
}
