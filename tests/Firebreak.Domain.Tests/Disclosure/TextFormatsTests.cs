using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Tests.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class TextFormatsTests
{
    [Fact]
    public void ChangelogLine_WorkedAdvisory_ExactRunbookForm()
    {
        Assert.Equal(
            "- security: @firebreak/portal, firebreak-evidence — fix CWE-459/CVE-2026-31337; user-safety impact: " + WorkedAdvisory.Impact
            + ". Credit: Jo Example, an anonymous reporter.",
            ChangelogLine.Write(WorkedAdvisory.Create()));
    }

    [Fact]
    public void AdvisoryMarkdown_WorkedAdvisory_ExactRunbookBody()
    {
        var advisory = WorkedAdvisory.Create();
        var expected = $"""
            **Summary**: Failed evidence uploads leave reporters' contact details in the temporary directory
            **Affected**: @firebreak/portal (npm) >= 1.0.0, < 1.4.2; firebreak-evidence (crates.io) <= 0.9.2 and versions 0.9.1, 0.9.2
            **Patched**: @firebreak/portal 1.4.2; firebreak-evidence 0.9.3
            **CVE**: CVE-2026-31337
            **CWE**: CWE-459
            **CVSS v4**: {WorkedAdvisory.Cvss40} ({advisory.Cvss4!.Score:0.0} Medium)
            **User-safety impact**: {WorkedAdvisory.Impact}
            **Reporter**: Jo Example, an anonymous reporter
            **Acknowledgement**: 2026-03-03
            **Triage**: 2026-03-05
            **Fix**: 2026-03-12
            **Disclosure**: 2026-03-19

            {advisory.Description}

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), AdvisoryMarkdown.Write(advisory));
    }

    [Fact]
    public async Task OpenVexExporter_WorkedAdvisory_ValidatesAndReadsBack()
    {
        var json = OpenVexExporter.Write(WorkedAdvisory.Create());
        Assert.Empty(await SchemaValidation.ErrorsAsync("schemas/openvex-schema.json", json));
        var document = OpenVexReader.Read(json, "worked.json");
        Assert.Equal([VexStatus.Affected, VexStatus.Fixed, VexStatus.Affected, VexStatus.Fixed, VexStatus.NotAffected], document.Statements.Select(s => s.Status));
        Assert.All(document.Statements, s => Assert.Equal("CVE-2026-31337", s.Vulnerability));
        Assert.Equal(["pkg:npm/%40firebreak/portal@1.4.2"], document.Statements[1].Products.Select(p => p.Id));
        Assert.Equal(VexJustification.VulnerableCodeNotPresent, document.Statements[4].Justification);
    }

    [Fact]
    public void OpenVexExporter_FileName_RunbookConvention()
    {
        Assert.Equal("vex/firebreak-portal-CVE-2026-31337.json", OpenVexExporter.FileName("@firebreak/portal", "CVE-2026-31337"));
        Assert.Equal("vex/smallvec-CVE-2018-20991.json", OpenVexExporter.FileName("smallvec", "CVE-2018-20991"));
    }

    [Fact]
    public void AllExports_WorkedAdvisory_NeverNameAnonymousOrUnconsentedPeople()
    {
        var advisory = WorkedAdvisory.Create();
        string[] outputs =
        [
            OsvExporter.Write(advisory), CveExporter.WriteRecord(advisory), CsafExporter.Write(advisory), CsafExporter.Write(advisory, vex: true),
            OpenVexExporter.Write(advisory), AdvisoryMarkdown.Write(advisory), ChangelogLine.Write(advisory),
        ];
        foreach (var output in outputs)
            foreach (var hidden in WorkedAdvisory.HiddenNames) Assert.DoesNotContain(hidden, output, StringComparison.OrdinalIgnoreCase);
    }
}
