using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>Every official OpenVEX example: import, write with OpenVexWriter, import again; nothing the model holds may change.</summary>
public sealed class OpenVexImportRoundTripTests
{
    public static TheoryData<string> Examples()
    {
        const string folder = "examples/openvex";
        if (ConformanceData.Root is not { } root || !Directory.Exists(Path.Combine(root, folder))) return [folder + "/missing.json"];
        return [.. Directory.EnumerateFiles(Path.Combine(root, folder), "*.json").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Import_OfficialExample_SurvivesWriteAndReimport(string file)
    {
        var json = await File.ReadAllTextAsync(ConformanceData.Require(file), TestContext.Current.CancellationToken);
        var document = OpenVexReader.Read(json, file);
        var first = OpenVexImporter.Import(json, file);
        Assert.Equal(document.Statements.Select(s => s.Vulnerability).Distinct().Count(), first.Count);
        foreach (var advisory in first)
        {
            if (advisory.Affected.Count == 0 && advisory.Unaffected.Count == 0)
            {
                // Only under_investigation statements: the model holds no product, so there is nothing to write.
                Assert.All(document.Statements, s => Assert.Equal(VexStatus.UnderInvestigation, s.Status));
                Assert.Contains("at least one affected or not-affected package", Assert.Throws<Firebreak.Domain.Common.DomainException>(() => OpenVexExporter.Write(advisory)).Message, StringComparison.Ordinal);
                continue;
            }
            var written = OpenVexExporter.Write(advisory);
            Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/openvex-schema.json", written));
            var second = Assert.Single(OpenVexImporter.Import(written, "re-export"));
            Assert.Empty(AdvisoryComparer.Differences(advisory, second));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Import_OfficialExample_KeepsStatusesPerProductVersion(string file)
    {
        var document = OpenVexReader.Read(File.ReadAllText(ConformanceData.Require(file)), file);
        var advisories = OpenVexImporter.Import(File.ReadAllText(ConformanceData.Require(file)), file);
        foreach (var statement in document.Statements)
        {
            var advisory = Assert.Single(advisories, a => a.Id == statement.Vulnerability || a.Aliases.Contains(statement.Vulnerability));
            Assert.Equal(document.Author, advisory.Publisher.Name);
            foreach (var product in statement.Products)
            {
                var purl = PackageUrl.Parse(product.Id, PurlStrictness.Lenient);
                var name = purl.Namespace is null ? purl.Name : $"{purl.Namespace}/{purl.Name}";
                switch (statement.Status)
                {
                    case VexStatus.Fixed:
                        Assert.Contains(advisory.Affected, a => a.Package.Name.EndsWith(name, StringComparison.Ordinal) && a.PatchedVersions.Contains(purl.Version));
                        break;
                    case VexStatus.Affected:
                        Assert.Contains(advisory.Affected, a => a.Package.Name.EndsWith(name, StringComparison.Ordinal) && (purl.Version is null || a.AffectedVersions.Contains(purl.Version)));
                        Assert.Equal(statement.ActionStatement, advisory.Remediation);
                        break;
                    case VexStatus.NotAffected:
                        Assert.Contains(advisory.Unaffected, u => u.Package.Name.EndsWith(name, StringComparison.Ordinal) && u.Justification == statement.Justification);
                        break;
                    case VexStatus.UnderInvestigation:
                        Assert.DoesNotContain(advisory.Affected, a => a.Package.Name.EndsWith(name, StringComparison.Ordinal));
                        break;
                }
            }
        }
    }

    [Fact]
    public void Import_WorkedAdvisory_KeepsStatusesJustificationAndAction()
    {
        var advisory = WorkedAdvisory.Create();
        var imported = Assert.Single(OpenVexImporter.Import(OpenVexExporter.Write(advisory)));
        Assert.Equal((advisory.Id, advisory.CveId), (imported.Id, imported.CveId));
        Assert.Equal(advisory.Affected.Select(a => a.Package.Purl), imported.Affected.Select(a => a.Package.Purl));
        Assert.Equal(advisory.Affected.Select(a => string.Join(",", a.PatchedVersions)), imported.Affected.Select(a => string.Join(",", a.PatchedVersions)));
        Assert.Equal(advisory.Unaffected.Select(u => u.Justification), imported.Unaffected.Select(u => u.Justification));
        Assert.Equal(advisory.Remediation, imported.Remediation);
    }

    [Fact]
    public void Import_InvalidJustification_ThrowsWithPath()
    {
        var json = OpenVexExporter.Write(WorkedAdvisory.Create()).Replace("vulnerable_code_not_present", "trust_me", StringComparison.Ordinal);
        var error = Assert.Throws<VexFormatException>(() => OpenVexImporter.Import(json, "bad.json"));
        Assert.EndsWith(".justification", error.JsonPath, StringComparison.Ordinal);
    }
}
