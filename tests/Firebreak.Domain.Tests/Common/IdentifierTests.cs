using CsCheck;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Tests.Common;

/// <summary>One rule per identifier: what each accepts, its canonical spelling, and the reason it gives for what it refuses.</summary>
public class IdentifierTests
{
    [Theory]
    [InlineData("CVE-2021-44228", "CVE-2021-44228")]
    [InlineData(" cve-1999-0001 ", "CVE-1999-0001")]
    [InlineData("CVE-2026-1234567890123456789", "CVE-2026-1234567890123456789")]
    public void CveId_Accepted_IsCanonical(string text, string canonical)
    {
        Assert.True(CveId.TryParse(text, out var id));
        Assert.Equal(canonical, id.Value);
    }

    [Theory]
    [InlineData("CVE-2021-123", "4 to 19 digits")]
    [InlineData("CVE-1998-0001", "before 1999")]
    [InlineData("CVE-21-0001", "position 7")]
    [InlineData("CVE-2021-12a4", "position 12")]
    [InlineData("CVE-2026-12345678901234567890", "4 to 19 digits")]
    [InlineData("GHSA-jfh8-c2jp-5v3q", "does not start with CVE-")]
    [InlineData("", "does not start with CVE-")]
    public void CveId_Refused_SaysWhy(string text, string reason)
    {
        Assert.False(CveId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("aliases[0]", Assert.Throws<DomainException>(() => CveId.Parse(text, "aliases[0]")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GHSA-jfh8-c2jp-5v3q", "GHSA-jfh8-c2jp-5v3q")]
    [InlineData("ghsa-JFH8-C2JP-5V3Q", "GHSA-jfh8-c2jp-5v3q")]
    public void GhsaId_Accepted_IsCanonical(string text, string canonical)
    {
        Assert.True(GhsaId.TryParse(text, out var id));
        Assert.Equal(canonical, id.Value);
    }

    [Theory]
    [InlineData("GHSA-jfh8-c2jp-5v3", "GHSA-xxxx-xxxx-xxxx")]
    [InlineData("GHSA-jfh8-c2jp-5v3a", "position 19")]
    [InlineData("GHSA-jfh1-c2jp-5v3q", "position 9")]
    [InlineData("GHSA_jfh8-c2jp-5v3q", "GHSA-xxxx-xxxx-xxxx")]
    public void GhsaId_Refused_SaysWhy(string text, string reason)
    {
        Assert.False(GhsaId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CWE-79", 79)]
    [InlineData("cwe-1321", 1321)]
    [InlineData("CWE-999999", 999999)]
    public void CweId_Accepted_KeepsItsNumber(string text, int number)
    {
        Assert.True(CweId.TryParse(text, out var id));
        Assert.Equal(number, id.Number);
        Assert.Equal($"CWE-{number}", id.Value);
    }

    [Theory]
    [InlineData("CWE-079", "leading zero")]
    [InlineData("CWE-", "1 to 6 digits")]
    [InlineData("CWE-1234567", "1 to 6 digits")]
    [InlineData("CWE-7x", "position 6")]
    [InlineData("79", "does not start with CWE-")]
    public void CweId_Refused_SaysWhy(string text, string reason)
    {
        Assert.False(CweId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FBK-2026-0001")]
    [InlineData("RHSA-2021:5186")]
    [InlineData("GO-2024-3333")]
    [InlineData("a/b_c.d")]
    public void AdvisoryId_Accepted_AsGiven(string text)
    {
        Assert.True(AdvisoryId.TryParse(text, out var id, out _));
        Assert.Equal(text, id.Value);
    }

    [Theory]
    [InlineData("", "1–100")]
    [InlineData("-FBK-1", "position 1")]
    [InlineData("FBK 1", "position 4")]
    [InlineData("FBK-<script>", "position 5")]
    public void AdvisoryId_Refused_SaysWhy(string text, string reason)
    {
        Assert.False(AdvisoryId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CveId_AnyYearAndSequence_RoundTripsThroughItsCanonicalText()
    {
        Gen.Select(Gen.Int[1999, 9999], Gen.Long[0, long.MaxValue], Gen.Int[4, 18], Gen.Bool).Sample((year, sequence, width, lower) =>
        {
            var digits = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
            var text = $"CVE-{year}-{digits}";
            Assert.True(CveId.TryParse(lower ? text.ToLowerInvariant() : text, out var id));
            Assert.Equal(text, id.Value);
            Assert.Equal(id, CveId.Parse(id.Value, "id"));
        });
    }

    [Fact]
    public void GhsaId_AnyGroups_RoundTripThroughTheCanonicalText()
    {
        var group = Gen.Char["23456789cfghjmpqrvwx"].Array[4].Select(c => new string(c));
        Gen.Select(group, group, group, Gen.Bool).Sample((a, b, c, upper) =>
        {
            var text = $"GHSA-{a}-{b}-{c}";
            Assert.True(GhsaId.TryParse(upper ? text.ToUpperInvariant() : text, out var id));
            Assert.Equal(text, id.Value);
        });
    }
}
