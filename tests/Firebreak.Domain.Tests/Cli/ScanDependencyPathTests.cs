using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Tests.Packages;

namespace Firebreak.Domain.Tests.Cli;

/// <summary>Every format with a dependency graph gives its findings the path that pulls the component in, in every report format.</summary>
public sealed class ScanDependencyPathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-path-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Record(string id, string ecosystem, string name, string fixedIn) => $$"""
        {"id": "{{id}}", "modified": "2024-01-01T00:00:00Z", "summary": "Test advisory",
         "affected": [{"package": {"ecosystem": "{{ecosystem}}", "name": "{{name}}"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "{{fixedIn}}"}]}]}]}
        """;

    private static DependencyScanner Scanner(params string[] records) =>
        new([], new OsvMatcher(records.SelectMany(r => OsvAdvisory.ReadAll(r, "test.json"))), null);

    /// <summary>The shared package-lock fixture, under the name the reader is chosen by.</summary>
    private string PackageLock()
    {
        var file = Path.Combine(_folder, "package-lock.json");
        File.WriteAllText(file, LockfileFixtures.Text("javascript-packagelockjson", "nested-dependencies.v2.json"));
        File.WriteAllText(Path.Combine(_folder, "osv.json"), Record("TEST-0001", "npm", "supports-color", "7.0.0"));
        return file;
    }

    [Fact]
    public void Scan_PackageLock_PathFromTheDependencyThatPullsEachVersionIn()
    {
        var scanned = Scanner(Record("TEST-0001", "npm", "supports-color", "7.0.0"))
            .Scan("package-lock.json", LockfileFixtures.Text("javascript-packagelockjson", "nested-dependencies.v2.json"));
        Assert.Equal(
            [["postcss 6.0.23", "supports-color 5.5.0"], ["postcss-calc 7.0.1", "postcss 7.0.16", "supports-color 6.1.0"]],
            scanned.Findings.OrderBy(f => f.Component.Version, StringComparer.Ordinal).Select(f => f.DependencyPath));
    }

    [Theory]
    [InlineData("pnpm-lock.yaml", "javascript-pnpmlock", "multiple-packages.yaml", "npm", "punycode", "pkg:npm/punycode@1.3.2", "aws-sdk 2.1087.0|url 0.10.3|punycode 1.3.2")]
    [InlineData("Gemfile.lock", "ruby-gemfilelock", "rails.lock", "RubyGems", "io-wait", "pkg:gem/io-wait@0.2.1", "rails 7.0.2.2|actionmailbox 7.0.2.2|net-imap 0.2.3|net-protocol 0.1.2|io-wait 0.2.1")]
    [InlineData("poetry.lock", "python-poetrylock", "multiple-packages.v2.lock", "PyPI", "six", "pkg:pypi/six@1.17.0", "factory-boy 3.3.1|faker 33.3.0|python-dateutil 2.9.0.post0|six 1.17.0")]
    [InlineData("packages.lock.json", "dotnet-packageslockjson", "valid/packages.lock.json", "NuGet", "Some.Dep.Three", "pkg:nuget/Some.Dep.Three@1.0.2", "Core.Dep 1.24.0|Some.Dep.Three 1.0.2")]
    [InlineData("yarn.lock", "javascript-yarnlock", "files.v1.lock", "npm", "lodash", "pkg:npm/lodash@1.3.1", "other_package 0.0.2|lodash 1.3.1")]
    public void Scan_EachFormatWithAGraph_FillsTheDependencyPath(string name, string folder, string file, string ecosystem, string package, string purl, string path)
    {
        var scanned = Scanner(Record("TEST-0002", ecosystem, package, "99.0.0")).Scan(name, LockfileFixtures.Text(folder, file));
        var finding = Assert.Single(scanned.Findings);
        Assert.Equal(purl, finding.Component.ToString());
        Assert.Equal(path.Split('|'), finding.DependencyPath);
    }

    [Fact]
    public void Scan_GoMod_HasNoGraphSoNoPath()
    {
        var scanned = Scanner(Record("TEST-0003", "Go", "golang.org/x/sys", "0.0.0-20990101000000-000000000000"))
            .Scan("go.mod", LockfileFixtures.Text("golang-gomod", "indirect-packages.mod"));
        Assert.Empty(Assert.Single(scanned.Findings).DependencyPath);
    }

    [Fact]
    public void Cli_TableJsonSarifMarkdown_ShowThePath()
    {
        var lockfile = PackageLock();
        string[] scan = ["scan", lockfile, "--osv", Path.Combine(_folder, "osv.json")];
        const string chain = "postcss-calc 7.0.1 → postcss 7.0.16 → supports-color 6.1.0";

        var (exit, table, error) = CliHarness.Run(scan);
        Assert.True(exit == ExitCodes.Findings, $"exit {exit}: {error}");
        Assert.Contains("pulled in by: " + chain, table, StringComparison.Ordinal);
        Assert.Contains("pulled in by: postcss 6.0.23 → supports-color 5.5.0", table, StringComparison.Ordinal);

        var json = JsonNode.Parse(CliHarness.Run([.. scan, "--format", "json"]).Out)!;
        var finding = json["findings"]!.AsArray().Single(f => (string?)f!["purl"] == "pkg:npm/supports-color@6.1.0")!;
        Assert.Equal(["postcss-calc 7.0.1", "postcss 7.0.16", "supports-color 6.1.0"], finding["path"]!.AsArray().Select(p => (string?)p));

        var sarif = JsonNode.Parse(CliHarness.Run([.. scan, "--format", "sarif"]).Out)!;
        var result = sarif["runs"]![0]!["results"]!.AsArray().Single(r => (string?)r!["properties"]!["purl"] == "pkg:npm/supports-color@6.1.0")!;
        Assert.Equal(3, result["properties"]!["dependencyPath"]!.AsArray().Count);
        Assert.Contains("Pulled in by " + chain + ".", (string?)result["message"]!["text"], StringComparison.Ordinal);

        var markdown = CliHarness.Run([.. scan, "--format", "markdown"]).Out;
        Assert.Contains("`pkg:npm/supports-color@6.1.0`<br>via " + chain + " |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_DirectDependency_SaysItIsARoot()
    {
        var lockfile = Path.Combine(_folder, "package-lock.json");
        File.WriteAllText(lockfile, """{"lockfileVersion": 3, "packages": {"": {"dependencies": {"baz": "^2.0.0"}}, "node_modules/baz": {"version": "2.0.0"}}}""");
        var (_, output, _) = CliHarness.Run(["scan", lockfile, "--osv", ConformanceData.Require("advisory-data/osv/guidedremediation_testdata_npm_vulnerabilities.json")]);
        Assert.Contains("pulled in by: the project itself (a root of the dependency graph)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_TenThousandDeepCyclicPackageLock_KeepsBothEndsOfThePath()
    {
        const int count = 10_000;
        var json = new System.Text.StringBuilder("""{"lockfileVersion": 3, "packages": {"": {"dependencies": {"p0": "1"}}""");
        for (var i = 0; i < count; i++) // each depends on the next, on itself and on p0: cycles everywhere
            json.Append(System.Globalization.CultureInfo.InvariantCulture, $$$""", "node_modules/p{{{i}}}": {"version": "1.0.0", "dependencies": {"p{{{(i + 1) % count}}}": "1", "p{{{i}}}": "1", "p0": "1"}}""");
        json.Append("}}");
        var finding = Assert.Single(Scanner(Record("TEST-0004", "npm", "p9999", "2.0.0")).Scan("package-lock.json", json.ToString()).Findings);
        Assert.Equal(ScanFinding.MaxPathSteps, finding.DependencyPath.Count);
        Assert.Equal(["p0 1.0.0", "p1 1.0.0"], finding.DependencyPath.Take(2));
        Assert.Equal("… 9937 more …", finding.DependencyPath[32]);
        Assert.Equal(["p9998 1.0.0", "p9999 1.0.0"], finding.DependencyPath.TakeLast(2));
    }
}
