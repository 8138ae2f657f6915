using Firebreak.Domain.Common;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// Bundler's Gemfile.lock. Gems come from the <c>specs:</c> of GEM sections (four-space indented
/// <c>name (version)</c> lines; six-space lines are their dependencies); a platform suffix such as
/// <c>-x86_64-linux</c> becomes the purl's <c>platform</c> qualifier. GIT and PATH gems are not from a
/// registry and are left out. Names under DEPENDENCIES are direct. Bundler records no groups, so nothing is
/// marked development. Sections may come in any order. The graph: each spec's six-space dependency lines name gems
/// (every platform variant of that name), DEPENDENCIES names the roots; GIT and PATH gems stay in it as nodes without
/// a purl, so chains through them hold.
/// </summary>
public static partial class GemfileLock
{
    // A gem locked for a few platforms is normal; thousands of variants is an attack on the edge count.
    private const int MaxVariantsPerName = 16;

    /// <summary>Reads the gems installed from RubyGems sources.</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string text, string source) => Parse(text, source, null);

    /// <summary>Reads the gems and, into <paramref name="graph"/>, who depends on whom.</summary>
    internal static IReadOnlyList<LockfileComponent> Parse(string text, string source, DependencyGraphBuilder? graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        var gems = new List<(string Name, string Version, string? Platform, int Line)>();
        var direct = new HashSet<string>(StringComparer.Ordinal);
        var directInOrder = new List<string>();
        var specs = new List<(string Key, string Name, string Version, List<string> Dependencies)>();
        string? section = null;
        var inSpecs = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent == 0)
            {
                if (!Header().IsMatch(line)) throw new LockfileFormatException(source, i + 1, 1, $"Expected a section name such as GEM or DEPENDENCIES, found '{Cut(line)}'.");
                (section, inSpecs) = (line, false);
                continue;
            }
            if (section is null) throw new LockfileFormatException(source, i + 1, indent + 1, "An indented line before any section.");
            if (line[indent] == '\t') throw new LockfileFormatException(source, i + 1, indent + 1, "Tabs are not used for indentation in a Gemfile.lock.");
            if (section == "DEPENDENCIES" && indent == 2)
            {
                var name = DependencyName().Match(line.Trim()).Value.TrimEnd('!');
                if (direct.Add(name)) directInOrder.Add(name);
                continue;
            }
            if (section is not ("GEM" or "GIT" or "PATH" or "PLUGIN SOURCE")) continue; // PLATFORMS, RUBY VERSION, BUNDLED WITH, CHECKSUMS…
            if (indent == 2)
            {
                inSpecs = line.Trim() == "specs:";
                continue; // remote:, revision:, branch:…
            }
            if (!inSpecs || indent is not (4 or 6)) throw new LockfileFormatException(source, i + 1, indent + 1, $"Unexpected indentation of {indent} in the {section} section.");
            if (indent == 6)
            {
                if (specs.Count > 0) specs[^1].Dependencies.Add(DependencyName().Match(line.Trim()).Value.TrimEnd('!')); // a dependency of the spec above
                continue;
            }
            var spec = Spec().Match(line.Trim());
            if (!spec.Success) throw new LockfileFormatException(source, i + 1, 5, $"'{Cut(line.Trim())}' is not a spec of the form 'name (version)'.");
            var gem = (spec.Groups["name"].Value, spec.Groups["version"].Value, spec.Groups["platform"].Success ? spec.Groups["platform"].Value : null, i + 1);
            if (section == "GEM") gems.Add(gem);
            specs.Add(($"{section}:{i}", gem.Item1, gem.Item2, []));
        }
        var components = gems.Select(g => Component(g, direct.Contains(g.Name), source)).ToList();
        if (graph is not null) Fill(graph, specs, components, directInOrder);
        return components;
    }

    private static void Fill(DependencyGraphBuilder graph, List<(string Key, string Name, string Version, List<string> Dependencies)> specs, List<LockfileComponent> components, List<string> direct)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var gem = 0;
        foreach (var (key, name, version, _) in specs)
        {
            var purl = key.StartsWith("GEM:", StringComparison.Ordinal) ? components[gem++].Purl : null;
            graph.Node(key, name, version, purl);
            if (!byName.TryGetValue(name, out var keys)) byName[name] = keys = [];
            if (keys.Count < MaxVariantsPerName) keys.Add(key);
        }
        foreach (var name in direct)
            foreach (var key in byName.GetValueOrDefault(name) ?? []) graph.Root(key);
        foreach (var (key, _, _, dependencies) in specs)
            foreach (var dependency in dependencies)
                foreach (var to in byName.GetValueOrDefault(dependency) ?? []) graph.Edge(key, to);
    }

    private static LockfileComponent Component((string Name, string Version, string? Platform, int Line) gem, bool direct, string source)
    {
        try
        {
            var qualifiers = gem.Platform is null ? null : new[] { new KeyValuePair<string, string?>("platform", gem.Platform) };
            return new LockfileComponent(PackageUrl.Create("gem", null, gem.Name, gem.Version, qualifiers, null), direct, Development: false);
        }
        catch (PackageUrlFormatException e)
        {
            throw new LockfileFormatException(source, gem.Line, 5, $"'{gem.Name} ({gem.Version})' is not a valid gem: {e.Message}");
        }
    }

    private static string Cut(string text) => Excerpt.Clip(text, 60);

    [GeneratedRegex(@"^[A-Z][A-Z ]*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^[^\s!(]+!?")]
    private static partial Regex DependencyName();

    // A gem version has no '-': the first one starts the platform (x86_64-linux, arm64-darwin-22, java).
    [GeneratedRegex(@"^(?<name>[^\s()]+) \((?<version>[^\s()-]+)(-(?<platform>[^\s()]+))?\)$")]
    private static partial Regex Spec();
}
