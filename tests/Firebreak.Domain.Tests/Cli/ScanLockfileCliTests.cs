using Firebreak.Cli.Common;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

public class ScanLockfileCliTests
{
    // An OSV record for golang.org/x/sys, fixed by the 2022-04-12 pseudo-version (as GO-2022-0493 is).
    private const string Record = """
        {"id": "GO-2022-0493", "modified": "2023-01-01T00:00:00Z", "aliases": ["CVE-2022-29526"], "summary": "Incorrect privilege reporting in syscall",
         "affected": [{"package": {"ecosystem": "Go", "name": "golang.org/x/sys"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.0.0-20220412211240-33da011f77ad"}]}]}]}
        """;

    [Fact]
    public void Scan_GoMod_MatchesTheIndirectModuleAgainstOsv()
    {
        var folder = Directory.CreateTempSubdirectory("firebreak-gomod-").FullName;
        try
        {
            // The dispatcher chooses the reader by file name, so the fixture is read under the name go.mod.
            var goMod = Path.Combine(folder, "go.mod");
            File.WriteAllText(goMod, File.ReadAllText(ConformanceData.Require("lockfiles/golang-gomod/indirect-packages.mod")));
            var osv = Path.Combine(folder, "GO-2022-0493.json");
            File.WriteAllText(osv, Record);
            var (exit, output, error) = CliHarness.Run(["scan", goMod, "--osv", osv]);
            Assert.True(exit == ExitCodes.Findings, $"exit {exit}: {error}");
            Assert.Contains("1 finding(s)", output, StringComparison.Ordinal);
            Assert.Contains($"{goMod}: pkg:golang/golang.org/x/sys@v0.0.0-20210630005230-0f9fa26af87c  GO-2022-0493 CVE-2022-29526", output, StringComparison.Ordinal);
            Assert.Contains("fix: 0.0.0-20220412211240-33da011f77ad", output, StringComparison.Ordinal);
            Assert.DoesNotContain("toml", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Scan_MalformedRequirements_ReportsTheLineAndExitsInvalidInput()
    {
        var folder = Directory.CreateTempSubdirectory("firebreak-req-").FullName;
        try
        {
            var requirements = Path.Combine(folder, "requirements.txt");
            File.WriteAllText(requirements, "django==4.2\npytest\n==1.0\n");
            var osv = Path.Combine(folder, "none.json");
            File.WriteAllText(osv, "[]");
            var (exit, _, error) = CliHarness.Run(["scan", requirements, "--osv", osv]);
            Assert.Equal(ExitCodes.InvalidInput, exit);
            Assert.Contains($"{requirements}:3:1: '==1.0' has no project name", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
