using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Advisories;

public sealed class CargoAuditTests : IDisposable
{
    private const string Registry = "registry+https://github.com/rust-lang/crates.io-index";
    private readonly string _lock = Path.GetTempFileName();

    public void Dispose() => File.Delete(_lock);

    // app (workspace) → servo-widgets 1.0.0 → smallvec 0.6.1; app → log 0.4.20
    private static readonly string Lockfile = $"""
        version = 3

        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = ["log", "servo-widgets"]

        [[package]]
        name = "log"
        version = "0.4.20"
        source = "{Registry}"

        [[package]]
        name = "servo-widgets"
        version = "1.0.0"
        source = "{Registry}"
        dependencies = ["smallvec 0.6.1"]

        [[package]]
        name = "smallvec"
        version = "0.6.1"
        source = "{Registry}"
        """;

    [Fact]
    public void RustSecDatabase_EveryAdvisoryReads()
    {
        var folder = ConformanceData.Require("advisory-data/rustsec");
        var files = Directory.EnumerateFiles(folder, "RUSTSEC-*.md", SearchOption.AllDirectories).Count();
        var (advisories, errors) = CargoAudit.LoadDatabase(folder);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(5).Select(e => e.Message)));
        Assert.Equal(files, advisories.Count);
        Assert.True(files > 1_000);
    }

    [Fact]
    public void Scan_CrateWithRustSecAdvisory_ReportsFixAndPath()
    {
        var (advisories, _) = CargoAudit.LoadDatabase(ConformanceData.Require("advisory-data/rustsec"));
        var findings = CargoAudit.Scan(CargoLock.Parse(Lockfile, "Cargo.lock"), advisories);

        var finding = Assert.Single(findings, f => f.Advisory.Id == "RUSTSEC-2018-0003");
        Assert.Equal("smallvec", finding.Package.Name);
        Assert.Equal("0.6.3", finding.FixedVersion?.ToString());
        Assert.Contains("CVE-2018-20991", finding.Advisory.Aliases);
        Assert.Equal(["app", "servo-widgets", "smallvec"], finding.Paths[0].Select(p => p.Name));
        Assert.DoesNotContain(findings, f => f.Package.Name == "log");
    }

    [Fact]
    public void Scan_PatchedOrUnaffectedVersion_IsNotReported()
    {
        var advisory = RustSecAdvisory.Parse("```toml\n[advisory]\nid = \"RUSTSEC-2099-0001\"\npackage = \"smallvec\"\n[versions]\npatched = [\">= 0.6.3\"]\nunaffected = [\"< 0.3.2\"]\n```\n# Title\n", "x.md");
        Assert.True(advisory.Affects(SemanticVersion.Parse("0.6.1")));
        Assert.False(advisory.Affects(SemanticVersion.Parse("0.6.3")));
        Assert.False(advisory.Affects(SemanticVersion.Parse("0.3.1")));
        Assert.Equal("Title", advisory.Title);
    }

    [Theory]
    [InlineData("no fence", "must start with a ```toml")]
    [InlineData("```toml\n[advisory]\nid = \"X\"\n", "not closed")]
    [InlineData("```toml\n[advisory\n```\n", "not valid TOML")]
    [InlineData("```toml\n[advisory]\nid = \"X\"\n```\n", "has no package")]
    [InlineData("```toml\n[advisory]\nid = \"X\"\npackage = \"p\"\n[versions]\npatched = [\">= nope\"]\n```\n", "patched: '>= nope': expected a number or a wildcard at position 3")]
    public void Parse_MalformedAdvisory_SaysWhereAndWhat(string text, string message)
    {
        var e = Assert.Throws<AdvisoryFormatException>(() => RustSecAdvisory.Parse(text, "bad.md"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.md:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CargoLockFixtures_ParseOrFailWithLocation()
    {
        var folder = ConformanceData.Require("lockfiles/rust-cargolock");
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith("not-toml.txt", StringComparison.Ordinal))
            {
                var e = Assert.Throws<LockfileFormatException>(() => CargoLock.Parse(text, file));
                Assert.True(e.Line > 0, e.Message);
            }
            else Assert.NotNull(CargoLock.Parse(text, file));
        }
        Assert.Equal(2, CargoLock.Parse(File.ReadAllText(Path.Combine(folder, "two-packages.lock")), "two").Packages.Count);
    }

    [Fact]
    public void Cli_Scan_PrintsFindingAndExitsSix()
    {
        File.WriteAllText(_lock, Lockfile);
        var (exit, output, _) = CliHarness.Run(["scan", _lock, "--rustsec", ConformanceData.Require("advisory-data/rustsec")]);
        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("smallvec 0.6.1  RUSTSEC-2018-0003 CVE-2018-20991 GHSA-rxr4-x558-x7hw  fix: 0.6.3", output, StringComparison.Ordinal);
        Assert.Contains("pulled in by: app 0.1.0 → servo-widgets 1.0.0 → smallvec 0.6.1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PathsTo_OnePerWorkspaceMember_ShortestFirst()
    {
        // Two members: tool → smallvec directly, app → servo-widgets → smallvec; a cycle servo-widgets ⇄ smallvec does not matter.
        var text = Lockfile.Replace("dependencies = [\"smallvec 0.6.1\"]", "dependencies = [\"smallvec 0.6.1 (" + Registry + ")\"]", StringComparison.Ordinal)
            .Replace("name = \"smallvec\"\nversion = \"0.6.1\"\nsource = \"" + Registry + "\"", "name = \"smallvec\"\nversion = \"0.6.1\"\nsource = \"" + Registry + "\"\ndependencies = [\"servo-widgets\"]", StringComparison.Ordinal)
            + "\n\n[[package]]\nname = \"tool\"\nversion = \"0.2.0\"\ndependencies = [\"smallvec\", \"not-locked 1.0.0\"]\n";
        var cargo = CargoLock.Parse(text, "Cargo.lock");
        var smallvec = Assert.Single(cargo.Packages, p => p.Name == "smallvec");
        var paths = cargo.PathsTo(smallvec);
        Assert.Equal([["tool", "smallvec"], ["app", "servo-widgets", "smallvec"]], paths.Select(p => p.Select(x => x.Name)));
        Assert.Equal(["app 0.1.0", "tool 0.2.0"], cargo.Graph.Roots.Select(n => n.Step));
        Assert.Equal(["servo-widgets 1.0.0"], cargo.Graph.DependenciesOf(smallvec.Purl).Select(n => n.Step));
    }

    [Fact]
    public void PathsTo_TenThousandCrateChain_IsLinear()
    {
        const int count = 10_000;
        var text = new System.Text.StringBuilder("version = 3\n");
        text.Append("\n[[package]]\nname = \"member\"\nversion = \"0.1.0\"\ndependencies = [\"c0\"]\n");
        for (var i = 0; i < count; i++)
        {
            var next = i + 1 < count ? $"\"c{i + 1}\", " : "";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n[[package]]\nname = \"c{i}\"\nversion = \"1.0.0\"\nsource = \"{Registry}\"\ndependencies = [{next}\"c0\", \"c{i}\"]\n");
        }
        var cargo = CargoLock.Parse(text.ToString(), "Cargo.lock");
        var path = Assert.Single(cargo.PathsTo(cargo.Packages[^1]));
        Assert.Equal(count + 1, path.Count);
        Assert.Equal(["member", "c0", "c1"], path.Take(3).Select(p => p.Name));
        Assert.Equal("c9999", path[^1].Name);
    }

    [Fact]
    public void Graph_RealFixtures_MembersAreTheOnlyRoots()
    {
        var folder = ConformanceData.Require("lockfiles/rust-cargolock");
        var local = CargoLock.Parse(File.ReadAllText(Path.Combine(folder, "two-packages-with-local.lock")), "local");
        Assert.Equal(["local-rust-pkg 0.1.0"], local.Graph.Roots.Select(n => n.Step));
        var many = CargoLock.Parse(File.ReadAllText(Path.Combine(folder, "many-packages.lock")), "many");
        Assert.Equal(["memchr 2.4.1"], many.Graph.DependenciesOf(PackageUrl.Create("cargo", null, "aho-corasick", "0.7.18")).Select(n => n.Step));
        Assert.Empty(many.Graph.Roots); // no workspace member: no path is invented
        Assert.Empty(many.PathsTo(many.Packages.First(p => p.Name == "memchr")));
    }
}
