using CsCheck;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

public sealed class EcosystemNamesTests
{
    [Fact]
    public void TryFromOsvNameAndPurlType_EveryEcosystem_RoundTrips()
    {
        foreach (var ecosystem in Enum.GetValues<Ecosystem>())
        {
            Assert.True(EcosystemNames.TryFromOsvName(ecosystem.ToOsvName(), out var fromOsv));
            Assert.Equal(ecosystem, fromOsv);
            // deb, rpm and apk name several distributions' packages; the type gives the first, with the same ordering.
            Assert.True(EcosystemNames.TryFromPurlType(ecosystem.ToPurlType().ToUpperInvariant(), out var fromPurl));
            Assert.Equal(ecosystem.ToPurlType(), fromPurl.ToPurlType());
            Assert.Same(VersionSchemes.For(ecosystem), VersionSchemes.For(fromPurl));
        }
    }

    [Theory]
    [InlineData("Debian:12", true)]
    [InlineData("Debian:", true)]
    [InlineData("pypi", false)]
    [InlineData(":PyPI", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryFromOsvName_Spelling_IsExactAndIgnoresTheReleaseSuffix(string? name, bool known) =>
        Assert.Equal(known, EcosystemNames.TryFromOsvName(name, out _));

    [Fact]
    public void NormaliseName_AnyName_EqualsPep503AndLowerCasing()
    {
        var names = Gen.String[Gen.Char["-_.aZzÉßİ0"], 0, 12];
        names.Sample(name =>
            OsvMatcher.NormaliseName(Ecosystem.PyPI, name) == string.Join('-', name.ToLowerInvariant().Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
            && string.Equals(OsvMatcher.NormaliseName(Ecosystem.NuGet, name), name.ToLowerInvariant(), StringComparison.Ordinal)
            && OsvMatcher.NormaliseName(Ecosystem.Maven, name) == name);
    }
}
