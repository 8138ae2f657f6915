using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Tests.Cvss;

public class CvssScorerTests
{
    // Expected values computed with ae-cvss-calculator 1.0.13 (npm), which agrees with FIRST's calculators.
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/CR:H/MAV:L", 9.8, 8.5, 7.3, CvssSeverity.High)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N/E:P/RL:T/RC:R", 6.4, 5.6, null, CvssSeverity.Medium)]
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8, null, null, CvssSeverity.Low)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/CR:L/IR:L/AR:L/MAV:P/MAC:H/MPR:H/MUI:R/MS:U/MC:L/MI:L/MA:L", 10.0, null, 2.1, CvssSeverity.Low)]
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N/CR:H/IR:H/AR:H/MS:C/MC:H/MI:H/MA:H", 5.7, null, 9.1, CvssSeverity.Critical)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/CR:H/IR:H/AR:H/MS:C", 10.0, null, 10.0, CvssSeverity.Critical)]
    [InlineData("CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L/E:U/RL:O/RC:U", 3.5, 2.8, null, CvssSeverity.Low)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:N/I:N/A:N", 0.0, null, null, CvssSeverity.None)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, null, null, CvssSeverity.Critical)]
    // Written environmental metrics, even all X, give the environmental score FIRST's calculator shows (scope changed: 7.9, not 7.8).
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:H/I:H/A:H/E:F/MPR:X/MUI:X/MS:X/MC:X/MI:X", 8.0, 7.8, 7.9, CvssSeverity.High)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/RC:X/CR:X", 9.8, 9.8, 9.8, CvssSeverity.Critical)]
    public void Score_V3_MatchesReference(string vector, double baseScore, double? temporal, double? environmental, CvssSeverity severity)
    {
        var result = CvssScorer.Score(vector);
        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(baseScore, result.BaseScore);
        Assert.Equal(temporal, result.TemporalScore);
        Assert.Equal(environmental, result.EnvironmentalScore);
        Assert.Equal(severity, result.Severity);
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 8.1, "CVSS-BT")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P", 8.9, "CVSS-BT")]
    [InlineData("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/CR:H/IR:L/AR:M", 1.0, "CVSS-BE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H/MSI:S/MSA:S", 9.2, "CVSS-BE")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:L/SI:L/SA:N/E:A/CR:L/IR:L/AR:L/MAV:N/MPR:N", 5.6, "CVSS-BTE")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N/E:U/MVC:H/MVI:H/MVA:H", 2.0, "CVSS-BTE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A/CR:H/IR:H/AR:H/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Red", 10.0, "CVSS-BTE")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A", 0.0, "CVSS-BT")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y", 9.3, "CVSS-B")]
    public void Score_V4ThreatAndEnvironmental_MatchesReference(string vector, double score, string nomenclature)
    {
        var result = CvssScorer.Score(vector);
        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(score, result.Score);
        Assert.Equal(nomenclature, result.Nomenclature);
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    public void Score_OutOfOrderLenient_CanonicalisesWithWarning(string vector, string canonical)
    {
        var result = CvssScorer.Score(vector);
        Assert.Equal(canonical, result.Canonical);
        Assert.Single(result.Warnings);
        var strict = CvssScorer.Score(vector, strict: true);
        Assert.False(strict.IsValid);
        Assert.Contains("out of the specification's order", strict.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_DropsNotDefinedValues()
    {
        var result = CvssScorer.Score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X");
        Assert.Equal("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", result.Canonical);
        Assert.Equal("CVSS-B", result.Nomenclature);
    }

    [Theory]
    [InlineData(4.02, false, 4.1)]
    [InlineData(4.02, true, 4.1)]
    [InlineData(4.0, false, 4.0)]
    [InlineData(4.0, true, 4.0)]
    [InlineData(4.000001, false, 4.0)] // v3.1 Appendix A: within 1e-5 of a tenth is floating-point noise
    [InlineData(4.000001, true, 4.1)]  // v3.0: plain ceiling
    public void Roundup_FollowsEachVersionsRule(double value, bool v30, double expected) =>
        Assert.Equal(expected, Firebreak.Domain.Cvss.Cvss3Scorer.Roundup(value, v30));
}
