using Firebreak.Domain.Advisories;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Advisories;

public sealed class AdvisorySeverityTests
{
    [Fact]
    public void FromVector_RustSecCvss31_ScoresCritical()
    {
        var severity = AdvisorySeverity.FromVector("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        Assert.Equal(CvssSeverity.Critical, severity.Level);
        Assert.Equal(9.8, severity.Score);
        Assert.Equal(CvssVersion.V30, severity.Version);
    }

    [Fact]
    public void FromVectors_SeveralVectors_KeepsTheHighest()
    {
        var severity = AdvisorySeverity.FromVectors(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", "AV:N/AC:L/Au:N/C:P/I:P/A:P",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"], "LOW");
        Assert.Equal(CvssSeverity.Critical, severity.Level);
        Assert.Equal(9.3, severity.Score);
        Assert.Equal(CvssVersion.V40, severity.Version);
    }

    [Theory]
    [InlineData("CRITICAL", CvssSeverity.Critical)]
    [InlineData("HIGH", CvssSeverity.High)]
    [InlineData("MODERATE", CvssSeverity.Medium)]
    [InlineData("LOW", CvssSeverity.Low)]
    [InlineData("whatever", null)]
    [InlineData(null, null)]
    public void FromVectors_NoScorableVector_FallsBackToDatabaseSeverity(string? stated, CvssSeverity? expected)
    {
        var severity = AdvisorySeverity.FromVectors(["AV:N/AC:L/Au:N/C:P/I:P/A:P"], stated);
        Assert.Equal(expected, severity.Level);
        Assert.Null(severity.Score);
    }

    [Fact]
    public void OsvRecord_GitHubAdvisory_ReadsReferencesAndDatabaseSeverity()
    {
        var file = ConformanceData.Require("advisory-data/osv/GHSA-5crp-9r3c-p9vr.json");
        var advisory = Assert.Single(OsvAdvisory.ReadAll(File.ReadAllText(file), file));
        Assert.NotNull(advisory.References);
        Assert.NotEmpty(advisory.References);
        Assert.NotNull(advisory.DatabaseSeverity);
    }
}
