using BenchmarkDotNet.Attributes;
using Firebreak.Domain.Cvss;

namespace Firebreak.Benchmarks;

/// <summary>Scores the whole CVSS v4.0 base space (104,976 vectors) from strings, as the CLI does.</summary>
[MemoryDiagnoser]
public class CvssBenchmarks
{
    private string[] _v4 = [];
    private string[] _v31 = [];

    [GlobalSetup]
    public void Setup()
    {
        _v4 = AllBaseVectors(CvssCatalog.V4, "CVSS:4.0/").ToArray();
        _v31 = AllBaseVectors(CvssCatalog.V3, "CVSS:3.1/").ToArray();
    }

    [Benchmark(Description = "v4.0 base space (104,976 vectors)")]
    public double ScoreV4BaseSpace()
    {
        var sum = 0.0;
        foreach (var vector in _v4) sum += CvssScorer.Score(vector).Score ?? 0;
        return sum;
    }

    [Benchmark(Description = "v3.1 base space (2,592 vectors)")]
    public double ScoreV31BaseSpace()
    {
        var sum = 0.0;
        foreach (var vector in _v31) sum += CvssScorer.Score(vector).Score ?? 0;
        return sum;
    }

    /// <summary>Every combination of the base metrics' values, in canonical order.</summary>
    public static IEnumerable<string> AllBaseVectors(IReadOnlyList<CvssMetric> catalog, string prefix)
    {
        var metrics = catalog.Where(m => m.Mandatory).ToArray();
        var choice = new int[metrics.Length];
        while (true)
        {
            yield return prefix + string.Join('/', metrics.Select((m, i) => $"{m.Abbreviation}:{m.Values[choice[i]].Abbreviation}"));
            var k = metrics.Length - 1;
            while (k >= 0 && ++choice[k] == metrics[k].Values.Count) choice[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
