using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories.Index;

/// <summary>
/// The index and matchers cache decoded records, candidates and parsed bounds on first use; these tests
/// race several threads through a cold cache and require exactly the findings of one sequential scan.
/// </summary>
public class AdvisoryIndexConcurrencyTests
{
    private const int Threads = 8;

    /// <summary>For every affected package of the shared feeds, a component at each version its ranges and lists name, plus 0.0.1.</summary>
    private static List<PackageUrl> Components(AdvisoryIndex index)
    {
        var components = new List<PackageUrl>();
        foreach (var record in index.Records)
        {
            foreach (var affected in record.Advisory.Affected)
            {
                if (affected.Ecosystem is not { } ecosystem) continue;
                var versions = affected.Ranges.SelectMany(r => r.Events).Select(e => e.Version).Concat(affected.Versions).Append("0.0.1").Distinct();
                foreach (var version in versions.Where(v => v is not ("0" or "*")))
                {
                    if (Purl(ecosystem, affected.Package, version) is { } purl) components.Add(purl);
                }
            }
        }
        return components;
    }

    private static PackageUrl? Purl(Ecosystem ecosystem, string package, string version)
    {
        var slash = package.LastIndexOf(ecosystem == Ecosystem.Maven ? ':' : '/');
        var (ns, name) = ecosystem is Ecosystem.Maven or Ecosystem.Npm or Ecosystem.Go && slash > 0 ? (package[..slash], package[(slash + 1)..]) : (null, package);
        try
        {
            return PackageUrl.Create(ecosystem.ToPurlType(), ns, name, version);
        }
        catch (PackageUrlFormatException)
        {
            return null;
        }
    }

    private static List<(string, string, string?, string?)> Keys(IReadOnlyList<OsvFinding> findings) =>
        [.. findings.Select(f => (f.Component.ToString(), f.Advisory.Id, f.FixedVersion, f.Kev?.CveId))];

    private static IReadOnlyList<OsvFinding>[] Race(Func<IReadOnlyList<OsvFinding>> scan)
    {
        using var start = new Barrier(Threads);
        var results = new IReadOnlyList<OsvFinding>[Threads];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = scan();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }

    [Fact]
    public void Match_SeveralThreadsThroughAColdIndex_FindWhatOneSequentialScanFinds()
    {
        var components = Components(AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx"));
        var expected = Keys(AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx").CreateMatcher().Match(components));
        var cold = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");

        var results = Race(() => cold.CreateMatcher().Match(components));

        Assert.True(expected.Count > 1000, $"only {expected.Count} findings");
        Assert.All(results, r => Assert.Equal(expected, Keys(r)));
        // Each record is published once: every thread's findings hold the very same decoded instances.
        Assert.All(results, r => Assert.All(r.Zip(results[0]), p => Assert.Same(p.Second.Advisory, p.First.Advisory)));
    }

    [Fact]
    public void Match_SeveralThreadsOnOneInMemoryMatcher_FindWhatOneSequentialScanFinds()
    {
        var index = AdvisoryIndex.Load(SharedIndex.FullBytes, "full.fbx");
        var components = Components(index);
        var records = index.Records.Select(r => r.Advisory).ToList();
        var expected = Keys(new OsvMatcher(records, index.Kev).Match(components));
        var matcher = new OsvMatcher(records, index.Kev);

        var results = Race(() => matcher.Match(components));

        Assert.All(results, r => Assert.Equal(expected, Keys(r)));
    }

    [Fact]
    public void Bounds_ReadByManyThreadsAtOnce_AreParsedIntoOneSharedInstance()
    {
        var advisory = SharedIndex.Record("GHSA-test", "npm", "left-pad", "2026-01-01T00:00:00Z");
        var candidate = new OsvCandidate(advisory, advisory.Affected[0], Ecosystem.Npm);
        var seen = new AffectedVersionBounds[Threads];

        Race(() =>
        {
            seen[Environment.CurrentManagedThreadId % Threads] = candidate.Bounds;
            return [];
        });

        Assert.All(seen.Where(b => b is not null), b => Assert.Same(candidate.Bounds, b));
        Assert.True(candidate.Bounds.IsAffected("1.9.9"));
        Assert.Equal("2.0.0", candidate.Bounds.FixedVersionFor("1.0.0"));
    }
}
