using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

/// <summary>`scan --ignore`: accepted risks defer findings until their date, then the findings count again.</summary>
public sealed class ScanIgnoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-ignore-").FullName;
    private static readonly DateTimeOffset Today = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Err) Scan(string ignores)
    {
        var lockfile = Path.Combine(_folder, "Cargo.lock");
        File.WriteAllText(lockfile, """
            version = 3

            [[package]]
            name = "app"
            version = "0.1.0"
            dependencies = ["smallvec"]

            [[package]]
            name = "smallvec"
            version = "0.6.1"
            source = "registry+https://github.com/rust-lang/crates.io-index"
            """);
        var ignore = Path.Combine(_folder, "ignore.txt");
        File.WriteAllText(ignore, ignores);
        return CliHarness.Run(["scan", lockfile, "--rustsec", ConformanceData.Require("advisory-data/rustsec"), "--ignore", ignore], now: Today);
    }

    [Fact]
    public void Scan_BothAdvisoriesIgnoredUntilLater_ExitsZeroAndListsThemAsIgnored()
    {
        var (exit, output, error) = Scan("# accepted risks\nCVE-2018-20991 until 2027-01-31 # app never calls insert_many\nRUSTSEC-2018-0018\n");
        Assert.True(exit == ExitCodes.Ok, $"exit {exit}: {error}");
        Assert.Contains("0 finding(s), 2 ignored", output, StringComparison.Ordinal);
        Assert.Contains("ignored until 2027-01-31: app never calls insert_many", output, StringComparison.Ordinal);
        Assert.Contains("ignored without expiry", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ExpiredIgnore_CountsAgainAndSaysSo()
    {
        var (exit, output, error) = Scan("RUSTSEC-2018-0003 until 2026-11-30\nRUSTSEC-2018-0018 until 2026-12-01\n");
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("1 finding(s), 1 ignored", output, StringComparison.Ordinal);
        Assert.Contains("ignore.txt:1: the ignore for RUSTSEC-2018-0003 expired on 2026-11-30; it counts again.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RUSTSEC-2018-0003 until tomorrow", 1)]
    [InlineData("\n\nRUSTSEC-2018-0003 maybe 2027-01-01", 3)]
    public void Parse_MalformedLine_NamesTheLine(string text, int line)
    {
        var error = Assert.Throws<AdvisoryFormatException>(() => IgnoreList.Parse(text, "ignore.txt"));
        Assert.Contains($":{line}", error.Message, StringComparison.Ordinal);
        Assert.Contains("ADVISORY-ID [until YYYY-MM-DD]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_MalformedIgnoreFile_ExitsInvalidInput()
    {
        var (exit, _, error) = Scan("RUSTSEC-2018-0003 until 31/01/2027\n");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("ignore.txt:1", error, StringComparison.Ordinal);
    }
}
