using System.IO.Compression;
using System.Text;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

/// <summary>`db import --*-url` and `--fetch` against a loopback server: never the internet.</summary>
public sealed class DbFetchCliTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-fetch-test-").FullName;
    private readonly LoopbackFeedServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Db => Path.Combine(_folder, "advisories.fbx");

    private const string Kev = """
        {"catalogVersion":"2026.12.01","vulnerabilities":[{"cveID":"CVE-2026-0001","vendorProject":"Acme","product":"Widget",
         "vulnerabilityName":"Acme Widget RCE","dateAdded":"2026-11-30","dueDate":"2026-12-21","knownRansomwareCampaignUse":"Unknown",
         "requiredAction":"Patch."}]}
        """;

    private const string Osv = """
        [{"id":"GHSA-test-0001","aliases":["CVE-2026-0001"],"modified":"2026-11-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"widget"},
          "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2.3"}]}]}]},
         {"id":"GHSA-test-0002","affected":[{"package":{"ecosystem":"PyPI","name":"gadget"},"versions":["0.1"]}]}]
        """;

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write(text);
        return memory.ToArray();
    }

    private (int Exit, string Out, string Err) Import(string[] args, IReadOnlyDictionary<string, string>? environment = null, long? limit = null) =>
        CliHarness.Run(["db", "import", .. args, "--db", Db], now: Now, environment: environment ?? new Dictionary<string, string>(), feedByteLimit: limit);

    private AdvisoryIndex Index() => AdvisoryIndex.Load(File.ReadAllBytes(Db), Db);

    [Fact]
    public void Import_KevAndOsvUrls_ImportsThemWithTheirUrlAndRetrievalTime()
    {
        var kevUrl = _server.Serve("feeds/known_exploited_vulnerabilities.json", Encoding.UTF8.GetBytes(Kev));
        var osvUrl = _server.Serve("osv/records.json", Encoding.UTF8.GetBytes(Osv), chunked: true);

        var (exit, output, error) = Import(["--kev-url", kevUrl, "--osv-url", osvUrl]);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains($"osv {osvUrl}: 2 records (new)", output, StringComparison.Ordinal);
        Assert.Contains($"kev {kevUrl}: 1 records (new)", output, StringComparison.Ordinal);
        var index = Index();
        Assert.Equal([(AdvisorySourceKind.Osv, osvUrl, Now), (AdvisorySourceKind.Kev, kevUrl, Now)], index.Sources.Select(s => (s.Kind, s.Location, s.RetrievedAt)));
        Assert.Equal("2026.12.01", index.Sources[1].CatalogVersion);
        var records = Enumerable.Range(0, index.RecordCount).Select(index.Record).ToList();
        Assert.Equal(["GHSA-test-0001", "GHSA-test-0002"], records.Select(r => r.Advisory.Id).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal("records.json", r.Origin));
        Assert.Equal("1.2.3", records.Single(r => r.Advisory.Id == "GHSA-test-0001").Advisory.Affected[0].Ranges[0].Events[1].Version);
        Assert.Equal("CVE-2026-0001", Assert.Single(index.Kev!.Entries).CveId);
    }

    [Fact]
    public void Import_OsvZipAndRustSecRepositoryZip_ReadsTheArchives()
    {
        var advisory = File.ReadAllText(ConformanceData.Require("advisory-data/rustsec/crates/smallvec/RUSTSEC-2018-0003.md"));
        var rustsecUrl = _server.Serve("rustsec/archive/main.zip", Zip(("advisory-db-main/README.md", "# not an advisory"),
            ("advisory-db-main/crates/smallvec/RUSTSEC-2018-0003.md", advisory), ("advisory-db-main/.github/x.md", "no")));
        var osvUrl = _server.Serve("npm/all", Zip(("GHSA-test-0003.json", """{"id":"GHSA-test-0003","affected":[{"package":{"ecosystem":"npm","name":"z"},"versions":["1"]}]}""")));

        var (exit, output, error) = Import(["--rustsec-url", rustsecUrl, "--osv-url", osvUrl]);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains($"rustsec {rustsecUrl}: 1 records (new)", output, StringComparison.Ordinal);
        var index = Index();
        var records = Enumerable.Range(0, index.RecordCount).Select(index.Record).ToDictionary(r => r.Advisory.Id);
        Assert.Equal("crates/smallvec/RUSTSEC-2018-0003.md".Replace('/', Path.DirectorySeparatorChar), records["RUSTSEC-2018-0003"].Origin);
        Assert.Equal("all.zip!GHSA-test-0003.json", records["GHSA-test-0003"].Origin);
        Assert.Equal(rustsecUrl, records["RUSTSEC-2018-0003"].Source.Location);
    }

    [Fact]
    public void Import_Fetch_UsesTheEnvironmentsUrlsAndNothingWithoutIt()
    {
        var kevUrl = _server.Serve("kev.json", Encoding.UTF8.GetBytes(Kev));
        var osvUrl = _server.Serve("osv.json", Encoding.UTF8.GetBytes(Osv));
        var rustsecUrl = _server.Serve("rustsec.zip", Zip(("crates/smallvec/RUSTSEC-2018-0003.md",
            File.ReadAllText(ConformanceData.Require("advisory-data/rustsec/crates/smallvec/RUSTSEC-2018-0003.md")))));

        var none = Import([]);
        Assert.Equal(ExitCodes.Usage, none.Exit);
        Assert.Equal(0, _server.Requests);

        var (exit, _, error) = Import(["--fetch"], new Dictionary<string, string>
            { ["FIREBREAK_OSV_URL"] = osvUrl, ["FIREBREAK_KEV_URL"] = kevUrl, ["FIREBREAK_RUSTSEC_URL"] = rustsecUrl });

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal([osvUrl, rustsecUrl, kevUrl], Index().Sources.Select(s => s.Location));
        Assert.Equal(3, _server.Requests);
    }

    [Theory]
    [InlineData("missing", "answered 404")]
    [InlineData("teapot", "answered 500")]
    [InlineData("loop", "answered 302")]
    [InlineData("big", "exceeds the")]
    [InlineData("big-chunked", "exceeds the")]
    [InlineData("garbage", "no OSV records in the answer")]
    public void Import_BadAnswer_ExitsOneAndLeavesTheIndexUnchanged(string route, string message)
    {
        var kevUrl = _server.Serve("kev.json", Encoding.UTF8.GetBytes(Kev));
        Assert.Equal(ExitCodes.Ok, Import(["--kev-url", kevUrl]).Exit);
        var before = File.ReadAllBytes(Db);
        _server.Serve("teapot", "oops"u8.ToArray(), status: 500);
        _server.Serve("loop", [], status: 302);
        _server.Serve("big", new byte[4096]);
        _server.Serve("big-chunked", new byte[4096], chunked: true);
        _server.Serve("garbage", "<html>surprise</html>"u8.ToArray());

        var (exit, _, error) = Import(["--osv-url", _server.BaseUrl + route, "--kev-url", kevUrl], limit: 1024);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("the index was not changed", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Db));
    }

    [Theory]
    [InlineData("--kev-url", "file:///etc/passwd")]
    [InlineData("--osv-url", "not a url")]
    public void Import_NonHttpUrl_IsAUsageError(string option, string url)
    {
        var (exit, _, error) = Import([option, url]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not an http:// or https:// URL", error, StringComparison.Ordinal);
    }
}
