using Firebreak.Domain.Packages;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>
/// Checks every comparison line of the osv-scalibr version fixtures (versions/*.txt, "A op B" with op
/// &lt;, = or &gt;) in both directions, for each ecosystem; every file in the folder must be run.
/// </summary>
public sealed class VersionConformanceTests
{
    private static readonly (string Prefix, Ecosystem Ecosystem)[] Mapping =
    [
        ("semver-", Ecosystem.Npm),
        ("pypi-", Ecosystem.PyPI),
        ("maven-", Ecosystem.Maven),
        ("nuget-", Ecosystem.NuGet),
        ("rubygems-", Ecosystem.RubyGems),
        ("debian-", Ecosystem.Debian),
        ("alpine-", Ecosystem.Alpine),
        ("cran-", Ecosystem.Cran),
        ("hackage-", Ecosystem.Hackage),
        ("packagist-", Ecosystem.Packagist),
        ("pub-", Ecosystem.Pub),
        ("redhat-", Ecosystem.RedHat),
    ];

    private static readonly string[] Files =
    [
        "semver-versions.txt", "pypi-versions.txt", "pypi-versions-generated.txt", "maven-versions.txt",
        "maven-versions-generated.txt", "nuget-versions.txt", "rubygems-versions.txt",
        "rubygems-versions-generated.txt", "debian-versions.txt", "debian-versions-generated.txt", "alpine-versions.txt",
        "alpine-versions-generated.txt", "cran-versions.txt", "cran-versions-generated.txt", "hackage-versions.txt",
        "packagist-versions.txt", "packagist-versions-generated.txt", "pub-versions.txt", "redhat-versions.txt",
    ];

    public static TheoryData<string> SupportedFiles() => [.. Files];

    [Theory]
    [MemberData(nameof(SupportedFiles))]
    public void VersionFixture_EveryLine_AgreesBothWays(string file)
    {
        var path = Path.Combine(ConformanceData.Require("versions"), file);
        var ecosystem = Mapping.Single(m => file.StartsWith(m.Prefix, StringComparison.Ordinal)).Ecosystem;
        var failures = new List<string>();
        var lines = 0;
        foreach (var (number, a, op, b) in VersionFixture.Read(path))
        {
            lines++;
            var expected = op switch { "<" => -1, ">" => 1, _ => 0 };
            if (!EcosystemVersions.TryCompare(ecosystem, a, b, out var forward)
                || !EcosystemVersions.TryCompare(ecosystem, b, a, out var backward))
            {
                failures.Add($"{file}:{number}: cannot parse '{a}' or '{b}'");
            }
            else if (Math.Sign(forward) != expected || Math.Sign(backward) != -expected)
            {
                failures.Add($"{file}:{number}: {a} {op} {b} but compare gave {forward} and reverse {backward}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{file} ({ecosystem}): {lines - failures.Count}/{lines} lines agree.");
        Assert.True(lines > 0, $"{file} has no comparison lines.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {lines} lines disagree:\n{string.Join('\n', failures.Take(200))}");
    }

    [Fact]
    public void VersionFixtures_EveryFile_IsRun()
    {
        var root = ConformanceData.Require("versions");
        var supported = Files.ToHashSet(StringComparer.Ordinal);
        var unaccounted = Directory.GetFiles(root, "*.txt").Select(Path.GetFileName).Where(f => !supported.Contains(f!)).ToList();
        Assert.Empty(unaccounted);
    }
}
