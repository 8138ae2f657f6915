using BenchmarkDotNet.Attributes;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Benchmarks;

/// <summary>
/// The advisory index over <see cref="AdvisoryCorpus"/> (200,000 records): importing them from OSV JSON and
/// writing the file, loading the file, and matching 5,000 components once the touched packages are decoded.
/// </summary>
[MemoryDiagnoser]
public class IndexBenchmarks
{
    private AdvisoryCorpus _corpus = null!;
    private string _file = "";
    private OsvMatcher _warm = null!;
    private PackageUrl[] _components = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = AdvisoryCorpus.Create(SharedData.Locate());
        _components = [.. _corpus.Purls.Select(PackageUrl.Parse)];
        _file = Path.Combine(Path.GetTempPath(), $"firebreak-bench-{Environment.ProcessId}.fbx");
        using (var stream = File.Create(_file)) Import().WriteTo(stream);
        _warm = AdvisoryIndex.Load(File.ReadAllBytes(_file), _file).CreateMatcher();
        var findings = _warm.Match(_components).Count;
        Console.WriteLine($"// corpus: {_corpus.RecordJson.Count} records, {_components.Length} components, {findings} findings, index {new FileInfo(_file).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Description = "Index import: parse 200,000 OSV JSON records and write the file")]
    public long ImportAndWrite()
    {
        using var output = new MemoryStream();
        Import().WriteTo(output);
        return output.Length;
    }

    [Benchmark(Description = "Index load: read and check a 200,000-record file")]
    public int Load() => AdvisoryIndex.Load(File.ReadAllBytes(_file), _file).RecordCount;

    [Benchmark(Description = "Index match: 5,000 components, warm")]
    public int MatchWarm() => _warm.Match(_components).Count;

    [Benchmark(Description = "Index load + first match of 5,000 components (cold cache)")]
    public int LoadAndMatchCold() => AdvisoryIndex.Load(File.ReadAllBytes(_file), _file).CreateMatcher().Match(_components).Count;

    private AdvisoryIndexBuilder Import()
    {
        var source = new AdvisorySource(AdvisorySourceKind.Osv, "corpus", DateTimeOffset.UnixEpoch);
        var builder = new AdvisoryIndexBuilder();
        builder.Import(source, _corpus.RecordJson.SelectMany((json, i) => OsvAdvisory.ReadAll(json, "corpus").Select(a => new IndexedAdvisory(a, source, a.Id + ".json"))));
        return builder;
    }
}
