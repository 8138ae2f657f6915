using Firebreak.Cli.Common;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

public class SbomReaderTests
{
    private static IReadOnlyList<SbomComponent> Read(string relative, out int skipped)
    {
        var path = ConformanceData.Require("lockfiles/" + relative);
        return SbomReader.Read(File.ReadAllText(path), path, out skipped);
    }

    [Fact]
    public void CycloneDx_Minimal_YieldsItsPurl()
    {
        var component = Assert.Single(Read("sbom-cdx/minimal.cdx.json", out _));
        Assert.Equal("pkg:maven/com.example.group/fooBar@1.2.3?project_path=:", component.Purl.ToString()); // canonical: ":" needs no escaping
    }

    [Fact]
    public void CycloneDx_NestedComponents_AreIncluded() =>
        Assert.Contains(Read("sbom-cdx/sbom-with-nested-comps.cdx.json", out _), c => c.Purl.ToString() == "pkg:generic/openssl@1.1.1");

    [Fact]
    public void Spdx_PurlExternalReference_IsUsedAndCpeOnlyPackagesAreSkipped()
    {
        var components = Read("sbom-spdx/ancestor_of.spdx.json", out var skipped);
        Assert.Contains(components, c => c.Purl.ToString() == "pkg:maven/log4j/log4j@1.2.15");
        Assert.True(skipped >= 0);
    }

    [Fact]
    public void JsonFixtures_ReadOrFailWithLocatedError()
    {
        foreach (var folder in new[] { "sbom-cdx", "sbom-spdx" })
        {
            foreach (var file in Directory.EnumerateFiles(ConformanceData.Require("lockfiles/" + folder), "*.json", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                if (SbomReader.LooksLikeSbom(text)) SbomReader.Read(text, file, out _);
                else Assert.Throws<LockfileFormatException>(() => SbomReader.Read(text, file, out _));
            }
        }
    }

    [Theory]
    [InlineData("{\"bomFormat\": \"CycloneDX\", \"components\": {}}", "$.components: expected a list")]
    [InlineData("{\"bomFormat\": \"CycloneDX\", \"components\": [3]}", "$.components[0]: expected a component object")]
    [InlineData("{\"hello\": 1}", "neither a CycloneDX")]
    [InlineData("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": 1}", "$.packages: expected a list")]
    public void Read_Malformed_SaysWhere(string json, string message) =>
        Assert.Contains(message, Assert.Throws<LockfileFormatException>(() => SbomReader.Read(json, "sbom.json", out _)).Message, StringComparison.Ordinal);

    [Fact]
    public void Cli_ScanCycloneDx_MatchesOsvRecords()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bom-{Guid.NewGuid():N}.cdx.json");
        try
        {
            File.WriteAllText(file, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":\"Newtonsoft.Json\",\"purl\":\"pkg:nuget/Newtonsoft.Json@12.0.1\"},{\"name\":\"nopurl\"}]}");
            var (exit, output, error) = CliHarness.Run(["scan", file, "--osv", ConformanceData.Require("advisory-data/osv")]);
            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains("GHSA-5crp-9r3c-p9vr", output, StringComparison.Ordinal);
            Assert.Contains("1 component(s) without a package URL", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
