using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class OsvExporterTests
{
    [Fact]
    public async Task Write_WorkedAdvisory_ValidatesAgainstOfficialSchema()
    {
        var json = OsvExporter.Write(WorkedAdvisory.Create());
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/osv-schema.json", json));
    }

    [Fact]
    public void Write_WorkedAdvisory_MapsIdsSeverityRangesAndCredits()
    {
        using var doc = JsonDocument.Parse(OsvExporter.Write(WorkedAdvisory.Create()));
        var root = doc.RootElement;
        Assert.Equal("GHSA-4f7q-9x2c-m3vw", root.GetProperty("id").GetString());
        Assert.Equal(["CVE-2026-31337"], root.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2026-03-20T09:30:00Z", root.GetProperty("modified").GetString());
        Assert.Equal(["CVSS_V3", "CVSS_V4"], root.GetProperty("severity").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
        var npm = root.GetProperty("affected")[0];
        Assert.Equal("pkg:npm/%40firebreak/portal", npm.GetProperty("package").GetProperty("purl").GetString());
        Assert.Equal("1.4.2", npm.GetProperty("ranges")[0].GetProperty("events")[1].GetProperty("fixed").GetString());
        var crate = root.GetProperty("affected")[1];
        Assert.Equal("crates.io", crate.GetProperty("package").GetProperty("ecosystem").GetString());
        Assert.Equal(["0.9.1", "0.9.2"], crate.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        var credits = root.GetProperty("credits").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())).ToList();
        Assert.Equal([("Jo Example", "REPORTER"), ("Anonymous", "REPORTER"), ("radicalkjax", "REMEDIATION_DEVELOPER")], credits);
        Assert.Equal(["CWE-459"], root.GetProperty("database_specific").GetProperty("cwe_ids").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Write_WithoutGhsaOrCve_Refused()
    {
        var advisory = WorkedAdvisory.Create() with { Aliases = [] };
        var error = Assert.Throws<DomainException>(() => OsvExporter.Write(advisory));
        Assert.StartsWith("aliases:", error.Message, StringComparison.Ordinal);
    }
}
