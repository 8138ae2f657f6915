using System.Text.Json;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class CsafExporterTests
{
    private const string Schema = "schemas/csaf-2.0/csaf_json_schema.json";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_WorkedAdvisory_ValidatesAgainstOfficialSchema(bool vex)
    {
        var json = CsafExporter.Write(WorkedAdvisory.Create(), vex);
        Assert.Empty(await SchemaValidation.ErrorsAsync(Schema, json));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_WorkedAdvisory_PassesCsafRules(bool vex)
    {
        using var doc = JsonDocument.Parse(CsafExporter.Write(WorkedAdvisory.Create(), vex));
        Assert.DoesNotContain(CsafValidator.Validate(doc.RootElement), i => i.IsError);
    }

    [Fact]
    public async Task Schema_ScoreWithBadSeverity_Rejected()
    {
        var json = CsafExporter.Write(WorkedAdvisory.Create()).Replace("\"MEDIUM\"", "\"MIDDLING\"", StringComparison.Ordinal);
        Assert.NotEmpty(await SchemaValidation.ErrorsAsync(Schema, json));
    }

    [Fact]
    public void Write_WorkedAdvisory_MapsTreeStatusAndCredits()
    {
        using var doc = JsonDocument.Parse(CsafExporter.Write(WorkedAdvisory.Create(), vex: true));
        var root = doc.RootElement;
        var tracking = root.GetProperty("document").GetProperty("tracking");
        Assert.Equal(("FBK-2026-0001", "2", "final"), (tracking.GetProperty("id").GetString(), tracking.GetProperty("version").GetString(), tracking.GetProperty("status").GetString()));
        var vendor = root.GetProperty("product_tree").GetProperty("branches")[0];
        Assert.Equal("Firebreak", vendor.GetProperty("name").GetString());
        var portal = vendor.GetProperty("branches")[0];
        Assert.Equal("@firebreak/portal", portal.GetProperty("name").GetString());
        Assert.Equal("vers:semver/>=1.0.0|<1.4.2", portal.GetProperty("branches")[0].GetProperty("name").GetString());
        var vulnerability = root.GetProperty("vulnerabilities")[0];
        Assert.Equal("CVE-2026-31337", vulnerability.GetProperty("cve").GetString());
        Assert.Equal("Incomplete Cleanup", vulnerability.GetProperty("cwe").GetProperty("name").GetString());
        var status = vulnerability.GetProperty("product_status");
        Assert.Equal(4, status.GetProperty("known_affected").GetArrayLength());
        Assert.Equal(2, status.GetProperty("fixed").GetArrayLength());
        Assert.Equal(1, status.GetProperty("known_not_affected").GetArrayLength());
        Assert.Equal("vulnerable_code_not_present", vulnerability.GetProperty("flags")[0].GetProperty("label").GetString());
        var names = root.GetProperty("document").GetProperty("acknowledgments").EnumerateArray()
            .Select(a => a.TryGetProperty("names", out var n) ? n[0].GetString() : a.GetProperty("summary").GetString()).ToList();
        Assert.Equal(["Jo Example", "anonymous reporter", "radicalkjax"], names);
    }
}
