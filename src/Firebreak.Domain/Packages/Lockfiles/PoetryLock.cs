using Firebreak.Domain.Common;
using Tomlyn.Model;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// poetry.lock (lock-version 1.x and 2.x): every <c>[[package]]</c> table with its name (normalised per PEP 503)
/// and version. A package is development-only when Poetry 1 puts it in <c>category = "dev"</c> or Poetry 2 lists
/// only non-<c>main</c> <c>groups</c>. Packages from git, a local directory or file, or a URL are not registry
/// releases and are left out; a <c>legacy</c> source is a package index, so it stays. The lockfile does not say which
/// packages the project names itself, so Direct is unknown. The graph follows each package's
/// <c>[package.dependencies]</c> by (normalised) name to every locked version of it; with no record of what the
/// project asks for, its roots are the packages nothing depends on. Non-registry packages stay in it as nodes without a purl.
/// </summary>
public static class PoetryLock
{
    // A name locked in a few versions (per environment marker) is normal; thousands is an attack on the edge count.
    private const int MaxVersionsPerName = 16;
    private static readonly string[] NonRegistrySources = ["git", "directory", "file", "url"];

    /// <summary>Reads the locked packages; throws <see cref="LockfileFormatException"/> with the line and column of a TOML error.</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string text, string source) => Parse(text, source, null);

    /// <summary>Reads the locked packages and, into <paramref name="graph"/>, who depends on whom.</summary>
    internal static IReadOnlyList<LockfileComponent> Parse(string text, string source, DependencyGraphBuilder? graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        var document = TomlText.TryRead(text, out var error)
            ?? throw new LockfileFormatException(source, error.Line, error.Column, "Not valid TOML: " + error.Message);
        if (!document.TryGetValue("package", out var raw)) return [];
        // An empty lock is written 'package = []', an array rather than an array of tables.
        if (raw is TomlArray { Count: 0 }) return [];
        if (raw is not TomlTableArray tables) throw new LockfileFormatException(source, 1, 1, "'package' must be an array of tables ([[package]]).");
        var components = new List<LockfileComponent>();
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var dependencies = new List<(string From, IEnumerable<string> Names)>();
        var index = 0;
        foreach (var table in tables)
        {
            index++;
            var name = Text(table, "name", source, index) ?? throw new LockfileFormatException(source, 0, 0, $"Package {index} has no 'name'.");
            var version = Text(table, "version", source, index) ?? throw new LockfileFormatException(source, 0, 0, $"Package {index} ({name}) has no 'version'.");
            var key = $"{RequirementsTxt.NormaliseName(name)}@{version}";
            if (graph is not null)
            {
                if (!byName.TryGetValue(RequirementsTxt.NormaliseName(name), out var versions)) byName[RequirementsTxt.NormaliseName(name)] = versions = [];
                versions.Add(key);
                if (table.TryGetValue("dependencies", out var deps) && deps is TomlTable map) dependencies.Add((key, map.Keys));
            }
            if (table.TryGetValue("source", out var from) && from is TomlTable origin && origin.TryGetValue("type", out var type) && type is string kind && NonRegistrySources.Contains(kind))
            {
                graph?.Node(key, name, version, null);
                continue;
            }
            PackageUrl purl;
            try
            {
                purl = PackageUrl.Create("pypi", null, RequirementsTxt.NormaliseName(name), version, null, null);
            }
            catch (PackageUrlFormatException e)
            {
                throw new LockfileFormatException(source, 0, 0, $"Package {index}: '{name} {version}' is not a valid PyPI package: {e.Message}");
            }
            components.Add(new LockfileComponent(purl, Direct: null, IsDevelopment(table, source, index)));
            graph?.Node(key, name, version, purl);
        }
        if (graph is not null)
            foreach (var (from, names) in dependencies)
                foreach (var dependency in names)
                    foreach (var to in (byName.GetValueOrDefault(RequirementsTxt.NormaliseName(dependency)) ?? []).Take(MaxVersionsPerName)) graph.Edge(from, to);
        return components;
    }

    private static bool IsDevelopment(TomlTable table, string source, int index)
    {
        if (table.TryGetValue("groups", out var groups))
        {
            if (groups is not TomlArray list || !list.All(g => g is string)) throw new LockfileFormatException(source, 0, 0, $"Package {index}: 'groups' must be a list of strings.");
            return list.Count > 0 && !list.Contains("main");
        }
        return Text(table, "category", source, index) == "dev";
    }

    private static string? Text(TomlTable table, string key, string source, int index) =>
        !table.TryGetValue(key, out var value) ? null
        : value as string ?? throw new LockfileFormatException(source, 0, 0, $"Package {index}: '{key}' must be a string.");
}
