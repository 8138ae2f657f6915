using Firebreak.Cli.Common;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

public class NpmLockTests
{
    private static IReadOnlyList<NpmComponent> Read(string file)
    {
        var path = ConformanceData.Require("lockfiles/javascript-packagelockjson/" + file);
        return NpmLock.Parse(File.ReadAllText(path), path);
    }

    [Fact]
    public void Fixtures_ParseOrFailWithLocatedError()
    {
        var folder = ConformanceData.Require("lockfiles/javascript-packagelockjson");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith("not-json.txt", StringComparison.Ordinal) || file.EndsWith("null.v2.jsontest", StringComparison.Ordinal))
                Assert.Throws<LockfileFormatException>(() => NpmLock.Parse(text, file));
            else NpmLock.Parse(text, file);
        }
    }

    [Theory]
    [InlineData("scoped-packages.v1.json")]
    [InlineData("scoped-packages.v2.json")]
    public void Parse_ScopedPackages_GetTheScopeAsNamespace(string file)
    {
        var components = Read(file);
        Assert.Contains(components, c => c.Purl.ToString() == "pkg:npm/%40babel/code-frame@7.0.0");
        Assert.Contains(components, c => c.Purl.ToString() == "pkg:npm/wrappy@1.0.2");
    }

    [Theory]
    [InlineData("one-package-dev.v1.json")]
    [InlineData("one-package-dev.v2.json")]
    public void Parse_DevPackage_IsMarkedDevelopment(string file) =>
        Assert.True(Assert.Single(Read(file)).Development);

    [Theory]
    [InlineData("nested-dependencies.v1.json")]
    [InlineData("nested-dependencies.v2.json")]
    public void Parse_NestedInstall_KeepsTheChain(string file) =>
        Assert.Contains(Read(file), c => c.Chain.Count > 1);

    [Theory]
    [InlineData("{\"packages\": {\"node_modules/a\": 5}}", "$.packages['node_modules/a']: expected an object")]
    [InlineData("{\"lockfileVersion\": 1, \"dependencies\": {\"a\": {\"version\": \"npm:broken\"}}}", "alias 'npm:broken' has no version")]
    [InlineData("[]", "expected a package-lock.json object")]
    [InlineData("{\"packages\": {", "Not valid JSON")]
    public void Parse_Malformed_SaysWhere(string json, string message) =>
        Assert.Contains(message, Assert.Throws<LockfileFormatException>(() => NpmLock.Parse(json, "package-lock.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void Cli_ScanPackageLock_MatchesOsvRecords()
    {
        var folder = Directory.CreateTempSubdirectory("firebreak-npm-").FullName;
        try
        {
            var lockfile = Path.Combine(folder, "package-lock.json");
            File.WriteAllText(lockfile, "{\"lockfileVersion\": 3, \"packages\": {\"\": {}, \"node_modules/baz\": {\"version\": \"2.0.0\"}}}");
            var (exit, output, _) = CliHarness.Run(["scan", lockfile, "--osv", ConformanceData.Require("advisory-data/osv/guidedremediation_testdata_npm_vulnerabilities.json")]);
            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains("pkg:npm/baz@2.0.0", output, StringComparison.Ordinal);
            Assert.Contains("fix: 2.0.1", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
