using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
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

    [Fact]
    public void Write_OwnDatabasePrefix_NamesTheRecordThereAndKeepsGhsaAndCveAsAliases()
    {
        using var doc = JsonDocument.Parse(OsvExporter.Write(WorkedAdvisory.Create(), OsvDatabasePrefix.Parse("FIREBREAK")));
        var id = doc.RootElement.GetProperty("id").GetString();
        Assert.Matches("^FIREBREAK-", id);
        Assert.Equal(["CVE-2026-31337", "GHSA-4f7q-9x2c-m3vw"], doc.RootElement.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Empty(OsvValidator.Validate(doc.RootElement));
    }

    [Fact]
    public async Task Write_NoCveNoGhsaButUnregisteredPrefix_ValidatesAgainstOfficialSchema()
    {
        var advisory = WorkedAdvisory.Create() with { Aliases = [] };
        var json = OsvExporter.Write(advisory, OsvDatabasePrefix.Parse("x_FIREBREAK"));
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/osv-schema.json", json));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(OsvDatabasePrefix.Parse("x_FIREBREAK").IdFor(advisory), doc.RootElement.GetProperty("id").GetString());
        Assert.False(doc.RootElement.TryGetProperty("aliases", out _));
    }

    [Theory]
    [InlineData("FBK-2026-0001", "FIREBREAK", "FIREBREAK-2026-0001")]
    [InlineData("FIREBREAK-2026-0002", "FIREBREAK", "FIREBREAK-2026-0002")]
    [InlineData("ADV7", "ACME", "ACME-ADV7")]
    [InlineData("RHSA-2021:5186", "ACME-SEC", "ACME-SEC-2021:5186")]
    public void IdFor_LocalId_TakesTheDatabasePrefix(string local, string prefix, string expected) =>
        Assert.Equal(expected, OsvDatabasePrefix.Parse(prefix).IdFor(WorkedAdvisory.Create() with { Id = local }));

    [Theory]
    [InlineData("")]
    [InlineData("9LIVES")]
    [InlineData("FIRE BREAK")]
    [InlineData("FIREBREAK-")]
    [InlineData("GHSA")]
    public void Parse_NotAPrefix_IsRefused(string text) => Assert.Throws<DomainException>(() => OsvDatabasePrefix.Parse(text));

    [Fact]
    public void Write_ExplicitIdOutsideTheDatabase_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => OsvExporter.Write(WorkedAdvisory.Create(), OsvDatabasePrefix.Parse("FIREBREAK"), "PYSEC-2026-1"));
        Assert.StartsWith("osv.id:", error.Message, StringComparison.Ordinal);
    }
}
