using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class CveExporterTests
{
    [Fact]
    public async Task WriteCnaContainer_WorkedAdvisory_ValidatesAgainstContainerSchema()
    {
        var json = CveExporter.WriteCnaContainer(WorkedAdvisory.Create());
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/cve-5.1-cna-container.json", json));
    }

    [Fact]
    public async Task WriteRecord_WorkedAdvisory_ValidatesAgainstBundledSchema()
    {
        var json = CveExporter.WriteRecord(WorkedAdvisory.Create());
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/cve-5.1-bundled.json", json));
    }

    [Fact]
    public async Task ContainerSchema_BrokenContainer_Rejected()
    {
        var json = CveExporter.WriteCnaContainer(WorkedAdvisory.Create()).Replace("\"cweId\": \"CWE-459\"", "\"cweId\": \"CWE-0459\"", StringComparison.Ordinal);
        Assert.NotEmpty(await SchemaValidation.ErrorsAsync("schemas/cve-5.1-cna-container.json", json));
    }

    [Fact]
    public void WriteCnaContainer_WorkedAdvisory_MapsRangesMetricsAndCredits()
    {
        using var doc = JsonDocument.Parse(CveExporter.WriteCnaContainer(WorkedAdvisory.Create()));
        var cna = doc.RootElement.GetProperty("cnaContainer");
        Assert.Equal(WorkedAdvisory.CnaOrgId.ToString(), cna.GetProperty("providerMetadata").GetProperty("orgId").GetString());
        var npm = cna.GetProperty("affected")[0].GetProperty("versions")[0];
        Assert.Equal(("1.0.0", "1.4.2", "semver"), (npm.GetProperty("version").GetString(), npm.GetProperty("lessThan").GetString(), npm.GetProperty("versionType").GetString()));
        var crate = cna.GetProperty("affected")[1].GetProperty("versions")[0];
        Assert.Equal("0.9.2", crate.GetProperty("lessThanOrEqual").GetString());
        Assert.Equal("unaffected", cna.GetProperty("affected")[2].GetProperty("versions")[0].GetProperty("status").GetString());
        Assert.Equal("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", cna.GetProperty("metrics")[0].GetProperty("cvssV4_0").GetProperty("vectorString").GetString());
        Assert.Equal(5.5, cna.GetProperty("metrics")[1].GetProperty("cvssV3_1").GetProperty("baseScore").GetDouble());
        Assert.Equal("CWE-459", cna.GetProperty("problemTypes")[0].GetProperty("descriptions")[0].GetProperty("cweId").GetString());
        Assert.Contains(cna.GetProperty("credits").EnumerateArray(), c => c.GetProperty("type").GetString() == "remediation developer");
    }

    [Fact]
    public void WriteCnaContainer_WithoutOrgId_RefusedNamingField()
    {
        var advisory = WorkedAdvisory.Create();
        advisory = advisory with { Publisher = new("Firebreak Project", "https://firebreak.example.org") };
        var error = Assert.Throws<DomainException>(() => CveExporter.WriteCnaContainer(advisory));
        Assert.StartsWith("publisher.cve_org_id:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRecord_RangeWithUnsortedBranches_GivesOneSpanPerIntervalInOrder()
    {
        var range = new Firebreak.Domain.Packages.AffectedRange(Firebreak.Domain.Packages.AffectedRangeType.Ecosystem,
        [
            new(Firebreak.Domain.Packages.RangeEventKind.Introduced, "2.0.0"), new(Firebreak.Domain.Packages.RangeEventKind.Fixed, "2.1.0"),
            new(Firebreak.Domain.Packages.RangeEventKind.Introduced, "1.0.0"), new(Firebreak.Domain.Packages.RangeEventKind.Fixed, "1.4.2"),
        ]);
        var advisory = WorkedAdvisory.Create() with
        {
            Affected = [new Firebreak.Domain.Disclosure.AffectedProduct(Firebreak.Domain.Disclosure.AdvisoryPackage.InEcosystem(Firebreak.Domain.Packages.Ecosystem.Npm, "@firebreak/portal"), [range])],
        };
        using var doc = JsonDocument.Parse(CveExporter.WriteRecord(advisory));
        var versions = doc.RootElement.GetProperty("containers").GetProperty("cna").GetProperty("affected")[0].GetProperty("versions").EnumerateArray()
            .Where(v => v.TryGetProperty("lessThan", out _))
            .Select(v => (v.GetProperty("version").GetString(), v.GetProperty("lessThan").GetString())).ToList();
        Assert.Equal([("1.0.0", "1.4.2"), ("2.0.0", "2.1.0")], versions);
    }

    [Fact]
    public async Task WriteRecord_PackageWithPurl_CarriesVersionlessPackageUrlAndStillValidatesAs51()
    {
        var advisory = WorkedAdvisory.Create() with
        {
            Affected = [new Firebreak.Domain.Disclosure.AffectedProduct(Firebreak.Domain.Disclosure.AdvisoryPackage.FromPurl("pkg:npm/%40firebreak/portal@1.2.3"),
                [new Firebreak.Domain.Packages.AffectedRange(Firebreak.Domain.Packages.AffectedRangeType.Ecosystem,
                    [new(Firebreak.Domain.Packages.RangeEventKind.Introduced, "1.0.0"), new(Firebreak.Domain.Packages.RangeEventKind.Fixed, "1.4.2")])])],
            Unaffected = [],
        };
        var record = CveExporter.WriteRecord(advisory);
        using var doc = JsonDocument.Parse(record);
        Assert.Equal("5.2", doc.RootElement.GetProperty("dataVersion").GetString());
        var affected = doc.RootElement.GetProperty("containers").GetProperty("cna").GetProperty("affected")[0];
        Assert.Equal("pkg:npm/%40firebreak/portal", affected.GetProperty("packageURL").GetString());
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/cve-5.1-bundled.json", record));
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/cve-5.1-cna-container.json", CveExporter.WriteCnaContainer(advisory)));
    }

    [Fact]
    public void WriteCnaContainer_ProductWithoutPurl_HasNoPackageUrl()
    {
        var advisory = WorkedAdvisory.Create() with
        {
            Affected = [new Firebreak.Domain.Disclosure.AffectedProduct(Firebreak.Domain.Disclosure.AdvisoryPackage.Product("Acme", "Firebreak appliance"), [], ["2.0"])],
            Unaffected = [],
        };
        using var doc = JsonDocument.Parse(CveExporter.WriteCnaContainer(advisory));
        Assert.False(doc.RootElement.GetProperty("cnaContainer").GetProperty("affected")[0].TryGetProperty("packageURL", out _));
    }
}
