using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class SecurityAdvisoryTests
{
    [Theory]
    [InlineData("CWE-0")]
    [InlineData("CWE-045")]
    [InlineData("cwe-459")]
    [InlineData("459")]
    public void Cwe_BadId_RefusedNamingField(string id)
    {
        var error = Assert.Throws<DomainException>(() => new Cwe(id));
        Assert.StartsWith("cwes.id:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CVE-26-1234")]
    [InlineData("CVE-2026-123")]
    [InlineData("GHSA-aaaa-bbbb-cccc")]
    [InlineData("OSV-2026-1")]
    public void Aliases_BadId_RefusedNamingField(string alias)
    {
        var error = Assert.Throws<DomainException>(() => WorkedAdvisory.Create() with { Aliases = [alias] });
        Assert.StartsWith("aliases[0]:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L", false, "cvss_v3")]
    [InlineData(WorkedAdvisory.Cvss40, false, "cvss_v3")]
    [InlineData(WorkedAdvisory.Cvss31, true, "cvss_v4")]
    [InlineData("CVSS:4.0/AV:X", true, "cvss_v4")]
    public void CvssRating_BadVector_RefusedNamingField(string vector, bool v4, string field)
    {
        var error = Assert.Throws<DomainException>(() => CvssRating.Parse(vector, field, v4));
        Assert.StartsWith(field + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CvssRating_ReorderedVector_Canonicalised()
    {
        var rating = CvssRating.Parse("CVSS:3.1/S:U/AV:L/AC:L/PR:L/UI:N/C:H/I:N/A:N", "cvss_v3", false);
        Assert.Equal(WorkedAdvisory.Cvss31, rating.Vector);
        Assert.Equal(5.5, rating.Score);
        Assert.Equal(CvssSeverity.Medium, rating.Severity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two\nlines")]
    public void Summary_BlankOrMultiline_Refused(string summary)
    {
        var error = Assert.Throws<DomainException>(() => WorkedAdvisory.Create() with { Summary = summary });
        Assert.StartsWith("summary:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_Over200Characters_Refused() =>
        Assert.Throws<DomainException>(() => WorkedAdvisory.Create() with { Summary = new string('x', 201) });

    [Fact]
    public void Range_FixedAndLastAffectedTogether_Refused()
    {
        var range = new AffectedRange(AffectedRangeType.Semver,
            [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.Fixed, "1.0.0"), new(RangeEventKind.Introduced, "2.0.0"), new(RangeEventKind.LastAffected, "2.1.0")]);
        var error = Assert.Throws<DomainException>(() => new AffectedProduct(AdvisoryPackage.InEcosystem(Ecosystem.Npm, "x"), [range]));
        Assert.Contains("affected.ranges[0].events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revisions_RepeatedNumber_Refused()
    {
        var at = WorkedAdvisory.Day(3, 19);
        var error = Assert.Throws<DomainException>(() => WorkedAdvisory.Create() with { Revisions = [new("1", at, "a"), new("1", at, "b")] });
        Assert.StartsWith("revisions[1].number:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_NotGiven_DerivedFromCvss4()
    {
        var advisory = WorkedAdvisory.Create();
        Assert.Equal(advisory.Cvss4!.Severity, advisory.Severity);
        Assert.Equal(CvssSeverity.Low, (advisory with { GivenSeverity = CvssSeverity.Low }).Severity);
    }

    [Fact]
    public void ReporterCredit_AnonymousAndNamedReporters_NamesOnlyTheNamedOne()
    {
        Assert.Equal("Jo Example, an anonymous reporter", WorkedAdvisory.Create().ReporterCredit);
    }

    [Fact]
    public void PublicCredits_WithoutConsent_LeftOut()
    {
        Assert.DoesNotContain(WorkedAdvisory.Create().PublicCredits, c => c.Name == "Casey Noconsent");
    }

    [Fact]
    public void Publish_Draft_SetsDateAndFirstRevision()
    {
        var draft = WorkedAdvisory.Create() with { Timeline = new AdvisoryTimeline(), Revisions = [] };
        var published = draft.Publish(WorkedAdvisory.Day(4, 1));
        Assert.Equal(WorkedAdvisory.Day(4, 1), published.Timeline.Published);
        Assert.Equal("1", published.CurrentVersion);
        Assert.Throws<DomainException>(() => published.Publish(WorkedAdvisory.Day(4, 2)));
    }

    [Fact]
    public void AssignCve_SecondDifferentCve_Refused()
    {
        Assert.Throws<DomainException>(() => WorkedAdvisory.Create().AssignCve("CVE-2026-99999"));
    }
}
