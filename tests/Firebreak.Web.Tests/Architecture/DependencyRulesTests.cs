using System.Text.RegularExpressions;

namespace Firebreak.Web.Tests.Architecture;

/// <summary>The dependency rules of docs/architecture.md, made executable.</summary>
public partial class DependencyRulesTests
{
    private static readonly string Root = FindRoot();

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

    [Fact]
    public void Features_DoNotReachIntoOtherFeatures()
    {
        var features = Path.Combine(Root, "src", "Firebreak.Web", "Features");
        var breaches = new List<string>();
        foreach (var file in Sources(features))
        {
            var own = Path.GetRelativePath(features, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match m in FeatureReference().Matches(File.ReadAllText(file)))
            {
                if (m.Groups[1].Value != own) breaches.Add($"{Path.GetRelativePath(Root, file)} → {m.Groups[1].Value}");
            }
        }
        Assert.True(breaches.Count == 0, "Cross-feature references: " + string.Join("; ", breaches));
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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Firebreak.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (Firebreak.slnx) above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Firebreak\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureReference();
}
