using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Architecture;

/// <summary>The dependency rules of docs/architecture.md, made executable.</summary>
public partial class DependencyRulesTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void Domain_ReferencesOnlyTheBaseLibraryAndSmallParsers()
    {
        var allowed = new[] { "System", "netstandard", "Microsoft.Win32", "YamlDotNet", "Tomlyn" };
        var references = typeof(Firebreak.Domain.Common.DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var breaches = references.Where(name => !allowed.Any(a => name == a || name.StartsWith(a + ".", StringComparison.Ordinal))).ToList();
        Assert.True(breaches.Count == 0, "Firebreak.Domain references " + string.Join(", ", breaches));
    }

    [Fact]
    public void Cli_DoesNotReferenceTheServer()
    {
        var references = typeof(Firebreak.Cli.Common.CliContext).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Firebreak.Web", references);
        Assert.DoesNotContain(references, name => name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Infrastructure")]
    [InlineData("Data")]
    public void SharedLayers_DoNotReferenceFeatures(string folder)
    {
        var breaches = Sources(Path.Combine(Root, "src", "Firebreak.Web", folder))
            .Where(f => File.ReadAllText(f).Contains("Firebreak.Web.Features", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.True(breaches.Count == 0, $"{folder} references Features in: " + string.Join(", ", breaches));
    }

    /// <summary>
    /// A feature may use another feature only through that feature's public face: the types marked
    /// [PublicFace] (its deliberate entry points, such as OpenIncident). Any other type of another
    /// feature named in a feature's source is a breach.
    /// </summary>
    [Fact]
    public void Features_UseOtherFeaturesOnlyThroughTheirPublicFaces()
    {
        var features = Path.Combine(Root, "src", "Firebreak.Web", "Features");
        var types = FeatureTypes();
        var breaches = new List<string>();
        foreach (var file in Sources(features))
        {
            var own = Path.GetRelativePath(features, file).Split(Path.DirectorySeparatorChar)[0];
            var text = File.ReadAllText(file);
            foreach (var other in FeatureReference().Matches(text).Select(m => m.Groups[1].Value).Where(f => f != own).Distinct())
            {
                var inner = types.Where(t => t.Feature == other && !t.Face).Select(t => t.Name).ToList();
                breaches.AddRange(inner.Where(name => Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b")).Select(name =>
                    $"{Path.GetRelativePath(Root, file)} → {other}.{name}"));
            }
        }
        Assert.True(breaches.Count == 0, "Cross-feature references that are not public faces: " + string.Join("; ", breaches));
    }

    [Fact]
    public void PublicFaces_AreDeclaredOnlyByFeatures()
    {
        var faces = typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes(false).Any(a => a.GetType().Name == "PublicFaceAttribute")).ToList();
        Assert.NotEmpty(faces);
        Assert.All(faces, t => Assert.StartsWith("Firebreak.Web.Features.", t.Namespace, StringComparison.Ordinal));
    }

    /// <summary>Every named type of every feature, and whether it is part of the feature's public face.</summary>
    private static List<(string Feature, string Name, bool Face)> FeatureTypes() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Firebreak.Web.Features.", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal) && !t.IsNested)
            .Select(t => (t.Namespace!.Split('.')[3], t.Name.Split('`')[0], t.GetCustomAttributes(false).Any(a => a.GetType().Name == "PublicFaceAttribute")))];

    [Fact]
    public void DomainFolders_FormNoCycle()
    {
        var domain = Path.Combine(Root, "src", "Firebreak.Domain");
        var graph = Graph(Directory.GetDirectories(domain).Select(Path.GetFileName).Where(d => d is not ("bin" or "obj")).Select(d => (d!, Path.Combine(domain, d!))),
            DomainReference(), m => m.Groups[1].Value);
        Assert.True(Cycle(graph) is null, $"Domain folders depend on each other in a cycle: {string.Join(" → ", Cycle(graph) ?? [])}");
    }

    [Fact]
    public void WebLayers_FormNoCycle_AndDataIsTheBottom()
    {
        var web = Path.Combine(Root, "src", "Firebreak.Web");
        var layers = new List<(string, string)> { ("Data", Path.Combine(web, "Data")) };
        foreach (var top in new[] { "Infrastructure", "Features" })
            layers.AddRange(Directory.GetDirectories(Path.Combine(web, top)).Select(d => ($"{top}.{Path.GetFileName(d)}", d)));
        var graph = Graph(layers, WebReference(), m => m.Groups[1].Value);
        Assert.True(Cycle(graph) is null, $"Web layers depend on each other in a cycle: {string.Join(" → ", Cycle(graph) ?? [])}");
        Assert.True(graph["Data"].Count == 0, "Data references " + string.Join(", ", graph["Data"]));
    }

    /// <summary>Who references whom, read from each node's sources (usings and qualified names; migrations aside).</summary>
    private static Dictionary<string, HashSet<string>> Graph(IEnumerable<(string Name, string Folder)> nodes, Regex reference, Func<Match, string> target)
    {
        var list = nodes.ToList();
        var names = list.Select(n => n.Name).ToHashSet();
        return list.ToDictionary(n => n.Name, n => Sources(n.Folder)
            .SelectMany(f => reference.Matches(File.ReadAllText(f)).Select(target))
            .Where(t => t != n.Name && names.Contains(t)).ToHashSet());
    }

    /// <summary>A cycle in the graph as the path that closes it, or null.</summary>
    private static List<string>? Cycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1) return [.. path.SkipWhile(p => p != next), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }

    [Fact]
    public void CycleFinder_FindsACycle_AndNoneInATree()
    {
        Assert.Equal(["a", "b", "c", "a"], Cycle(new() { ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["a"] }));
        Assert.Null(Cycle(new() { ["a"] = ["b", "c"], ["b"] = ["c"], ["c"] = [] }));
    }

    [Fact]
    public void Source_NeverReadsTheWallClock()
    {
        // Time is injected (TimeProvider) so deadlines are testable with a fake clock.
        var forbidden = new[] { "DateTime.UtcNow", "DateTime.Now", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "DateTime.Today" };
        var breaches = Sources(Path.Combine(Root, "src"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => forbidden.Any(word => x.line.Contains(word, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}").ToList();
        Assert.True(breaches.Count == 0, "Wall-clock reads: " + string.Join(", ", breaches));
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"Firebreak\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"Firebreak\.Domain\.(\w+)")]
    private static partial Regex DomainReference();

    [GeneratedRegex(@"Firebreak\.Web\.(Data|Infrastructure\.\w+|Features\.\w+)")]
    private static partial Regex WebReference();
}
