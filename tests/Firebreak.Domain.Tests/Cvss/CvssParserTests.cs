using CsCheck;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Tests.Cvss;

public class CvssParserTests
{
    private const string V4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    [Theory]
    [InlineData("", "empty", 0)]
    [InlineData("AV:N/AC:L", "must start with", 0)]
    [InlineData("cvss:4.0/AV:N", "must start with", 0)]
    [InlineData("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "must start with", 0)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "Missing base metric SA", 58)]
    [InlineData("CVSS:4.0/AV:N/AC:L", "Missing base metrics AT, PR, UI, VC, VI, VA, SC, SI, SA", 18)]
    [InlineData("CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "'Q' is not a value of AV (Attack Vector); expected one of N, A, L, P", 12)]
    [InlineData("CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "Metric AV appears more than once", 14)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/", "ends with '/'", 64)]
    [InlineData("CVSS:4.0/AV:N//AC:L", "Empty metric", 14)]
    [InlineData("CVSS:4.0/AV:N/ZZ:Y", "Unknown metric 'ZZ' for CVSS 4.0", 14)]
    [InlineData("CVSS:3.1/AV:N/AC:L/AT:N", "Unknown metric 'AT' for CVSS 3.1", 19)]
    [InlineData("CVSS:4.0/AV", "'AV' is not METRIC:VALUE", 9)]
    [InlineData("CVSS:4.0/AV:n/AC:L", "'n' is not a value of AV", 12)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z", "'Z' is not a value of E (Exploit Code Maturity)", 47)]
    public void TryParse_Invalid_NamesProblemAndPosition(string text, string message, int position)
    {
        Assert.False(CvssParser.TryParse(text, strict: false, out var vector, out var error, out _));
        Assert.Null(vector);
        Assert.Contains(message, error!.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
        var thrown = Assert.Throws<CvssParseException>(() => CvssParser.Parse(text));
        Assert.Equal(position, thrown.Position);
    }

    [Fact]
    public void TryParse_OverLongInput_IsRefusedWithoutWork()
    {
        Assert.False(CvssParser.TryParse(V4 + new string('/', 10_000), false, out _, out var error, out _));
        Assert.Contains("longer than", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RandomText_NeverThrows() =>
        Gen.String.Sample(text => { CvssParser.TryParse(text, false, out _, out _, out _); });

    [Fact]
    public void Canonical_RoundTrips_ForGeneratedVectors()
    {
        var metrics = CvssCatalog.V4;
        var gen = Gen.Int[0, 1_000_000].Array[metrics.Count];
        gen.Sample(choices =>
        {
            var parts = metrics.Select((m, i) => (m, i))
                .Where(x => x.m.Mandatory || choices[x.i] % 3 == 0)
                .Select(x => $"{x.m.Abbreviation}:{x.m.Values[choices[x.i] % x.m.Values.Count].Abbreviation}");
            var text = "CVSS:4.0/" + string.Join('/', parts);
            var vector = CvssParser.Parse(text, strict: true);
            var canonical = vector.ToString();
            Assert.Equal(canonical, CvssParser.Parse(canonical, strict: true).ToString());
            Assert.Equal(CvssScorer.Score(text).Score, CvssScorer.Score(canonical).Score);
        });
    }
}
