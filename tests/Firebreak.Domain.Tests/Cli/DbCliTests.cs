using Firebreak.Cli.Common;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

public sealed class DbCliTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-db-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Data(string relative) => ConformanceData.Require("advisory-data/" + relative);

    private string Db => Path.Combine(_folder, "advisories.fbx");

    private (int Exit, string Out, string Err) ImportAll() => CliHarness.Run(
        ["db", "import", "--osv", Data("osv"), "--rustsec", Data("rustsec"), "--kev", Data("kev/known_exploited_vulnerabilities.json"), "--db", Db], now: Now);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private string Lockfile() => File("Cargo.lock", """
        version = 3

        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = ["smallvec", "time"]

        [[package]]
        name = "smallvec"
        version = "0.6.1"
        source = "registry+https://github.com/rust-lang/crates.io-index"

        [[package]]
        name = "time"
        version = "0.2.7"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        """);

    [Fact]
    public void Import_SharedFeeds_WritesIndexAndReportsEachSource()
    {
        var (exit, output, error) = ImportAll();

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.True(System.IO.File.Exists(Db));
        Assert.Contains($"osv {Data("osv")}: 27 records (new)", output, StringComparison.Ordinal);
        Assert.Matches(@"rustsec .*: \d{4} records \(new\)", output);
        Assert.Contains("wrote " + Db + ": 3 sources", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_AfterImport_ShowsCountsPerSourceAndEcosystemAndRetrievalTime()
    {
        ImportAll();
        var (exit, output, _) = CliHarness.Run(["db", "info", "--db", Db]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("retrieved 2026-12-01T09:30:00Z", output, StringComparison.Ordinal);
        Assert.Matches(@"rustsec .*\n  retrieved 2026-12-01T09:30:00Z\n  \d{4} records\n    crates.io: \d{4}", output.Replace("\r", "", StringComparison.Ordinal));
        Assert.Contains("    Go: 5", output, StringComparison.Ordinal);
        Assert.Matches(@"kev .*\n  retrieved 2026-12-01T09:30:00Z, catalog \S+\n  \d{4} records", output.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_RustSecAgainLater_ReplacesOnlyThatSource()
    {
        ImportAll();
        var (exit, output, _) = CliHarness.Run(["db", "import", "--rustsec", Data("rustsec"), "--db", Db], now: Now.AddDays(1));
        var info = CliHarness.Run(["db", "info", "--db", Db]).Out;

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("records (replaced; 0 newer stored copies kept, 0 removed)", output, StringComparison.Ordinal);
        Assert.Contains("retrieved 2026-12-02T09:30:00Z", info, StringComparison.Ordinal);
        Assert.Contains("retrieved 2026-12-01T09:30:00Z", info, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Scan_WithDb_GivesTheSameReportAsTheFeedsThemselves(string format)
    {
        ImportAll();
        var sbom = ConformanceData.Require("lockfiles/sbom-cdx/sbom.cdx.json");
        var purls = File("purls.txt", "pkg:nuget/Newtonsoft.Json@12.0.3\npkg:npm/baz@2.0.0\npkg:golang/golang.org/x/net@0.3.0\npkg:cargo/time@0.2.7\n");
        string[] inputs = [Lockfile(), sbom, "--purls", purls, "--format", format];

        var fromFeeds = CliHarness.Run(["scan", .. inputs, "--osv", Data("osv"), "--rustsec", Data("rustsec"), "--kev", Data("kev/known_exploited_vulnerabilities.json")], now: Now);
        var fromDb = CliHarness.Run(["scan", .. inputs, "--db", Db], now: Now);

        Assert.Equal(ExitCodes.Findings, fromFeeds.Exit);
        Assert.Contains("RUSTSEC-2018-0003", fromDb.Out, StringComparison.Ordinal);
        Assert.Contains("GHSA-5crp-9r3c-p9vr", fromDb.Out, StringComparison.Ordinal);
        Assert.Equal(fromFeeds.Exit, fromDb.Exit);
        Assert.Equal(fromFeeds.Out, fromDb.Out);
    }

    [Fact]
    public void Scan_DbThatIsGarbage_ExitsOneSayingItIsNotAnIndex()
    {
        var garbage = File("garbage.fbx", "{\"not\":\"an index\"}");
        var (exit, _, error) = CliHarness.Run(["scan", Lockfile(), "--db", garbage]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("not a Firebreak advisory index", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_TruncatedOrCorruptDb_ExitsOneNamingTheDamage()
    {
        ImportAll();
        var bytes = System.IO.File.ReadAllBytes(Db);
        var truncated = Path.Combine(_folder, "cut.fbx");
        System.IO.File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        bytes[^100] ^= 1;
        System.IO.File.WriteAllBytes(Db, bytes);

        var cut = CliHarness.Run(["db", "info", "--db", truncated]);
        var flipped = CliHarness.Run(["db", "info", "--db", Db]);
        var reimport = CliHarness.Run(["db", "import", "--kev", Data("kev/known_exploited_vulnerabilities.json"), "--db", Db]);

        Assert.Equal(ExitCodes.InvalidInput, cut.Exit);
        Assert.Contains("truncated: the header says", cut.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, flipped.Exit);
        Assert.Contains("corrupt: checksum mismatch", flipped.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, reimport.Exit);
        Assert.Equal(bytes, System.IO.File.ReadAllBytes(Db));
    }

    [Fact]
    public void Scan_DbWithOsv_IsAUsageError()
    {
        var (exit, _, error) = CliHarness.Run(["scan", Lockfile(), "--db", Db, "--osv", Data("osv")]);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--db replaces --rustsec and --osv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_KevFolderInsteadOfItsFile_SaysSoAndWritesNothing()
    {
        var (exit, _, error) = CliHarness.Run(["db", "import", "--kev", Path.GetDirectoryName(Data("kev/known_exploited_vulnerabilities.json"))!, "--db", Db]);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--kev takes the catalog's JSON file", error, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Db));
    }

    [Fact]
    public void Import_NothingToImport_IsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, CliHarness.Run(["db", "import", "--db", Db]).Exit);

    [Fact]
    public void Info_MissingDb_SaysHowToCreateIt()
    {
        var (exit, _, error) = CliHarness.Run(["db", "info", "--db", Path.Combine(_folder, "none.fbx")]);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("create it with `firebreak db import`", error, StringComparison.Ordinal);
    }
}
