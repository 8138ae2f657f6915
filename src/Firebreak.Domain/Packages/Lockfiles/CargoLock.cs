using Firebreak.Domain.Common;
using Tomlyn.Model;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>One package of a Cargo.lock.</summary>
/// <param name="Name">Crate name.</param>
/// <param name="Version">Version as written.</param>
/// <param name="Source">Where it comes from (<c>registry+…</c>, <c>git+…</c>); null for workspace members.</param>
/// <param name="Dependencies">Dependency entries as written: <c>name</c>, <c>name version</c> or <c>name version (source)</c>.</param>
public sealed record CargoPackage(string Name, string Version, string? Source, IReadOnlyList<string> Dependencies)
{
    /// <summary>True for crates from crates.io (the ones RustSec covers).</summary>
    public bool FromCratesIo => Source?.StartsWith("registry+https://github.com/rust-lang/crates.io-index", StringComparison.Ordinal) == true
        || Source?.StartsWith("sparse+https://index.crates.io/", StringComparison.Ordinal) == true;

    /// <summary>The package URL.</summary>
    public PackageUrl Purl => PackageUrl.Create("cargo", null, Name, Version, null, null);
}

/// <summary>
/// A Cargo.lock (format versions 1–4): its packages and the dependency graph. Workspace members
/// (no source) are the roots; <see cref="PathsTo"/> answers "who pulls this in" like <c>cargo tree -i</c>, through the
/// shared <see cref="DependencyGraph"/>.
/// </summary>
public sealed class CargoLock
{
    private readonly Lazy<ILookup<string, CargoPackage>> _byName;
    private readonly Lazy<DependencyGraph> _graph;

    private CargoLock(IReadOnlyList<CargoPackage> packages)
    {
        Packages = packages;
        _byName = new(() => packages.ToLookup(p => p.Name, StringComparer.Ordinal));
        _graph = new(BuildGraph);
    }

    /// <summary>Every package, in file order.</summary>
    public IReadOnlyList<CargoPackage> Packages { get; }

    /// <summary>Workspace members: the packages with no source.</summary>
    public IEnumerable<CargoPackage> Roots => Packages.Where(p => p.Source is null);

    /// <summary>Reads a Cargo.lock; throws <see cref="LockfileFormatException"/> with the line and column of the problem.</summary>
    public static CargoLock Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        var document = TomlText.TryRead(text, out var error)
            ?? throw new LockfileFormatException(source, error.Line, error.Column, "Not valid TOML: " + error.Message);
        if (!document.TryGetValue("package", out var raw)) return new CargoLock([]);
        if (raw is not TomlTableArray tables) throw new LockfileFormatException(source, 1, 1, "'package' must be an array of tables ([[package]]).");
        var packages = new List<CargoPackage>();
        var index = 0;
        foreach (var table in tables)
        {
            index++;
            var name = Text(table, "name", source, index, required: true)!;
            var version = Text(table, "version", source, index, required: true)!;
            var from = Text(table, "source", source, index, required: false);
            var dependencies = table.TryGetValue("dependencies", out var deps)
                ? deps is TomlArray array && array.All(d => d is string)
                    ? array.Cast<string>().ToList()
                    : throw new LockfileFormatException(source, 0, 0, $"Package {index} ({name}): 'dependencies' must be a list of strings.")
                : [];
            packages.Add(new CargoPackage(name, version, from, dependencies));
        }
        return new CargoLock(packages);
    }

    /// <summary>
    /// The dependency graph: one node per package (in file order, so two packages with one purl stay apart), the
    /// workspace members as roots, an edge for each dependency entry that resolves.
    /// </summary>
    public DependencyGraph Graph => _graph.Value;

    /// <summary>
    /// The package a dependency entry (<c>name</c>, <c>name version</c> or <c>name version (source)</c>) refers to: the
    /// first with that name and version, preferring the one from that source; null when none is locked.
    /// </summary>
    public CargoPackage? Resolve(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parts = entry.Split(' ', 3);
        var candidates = _byName.Value[parts[0]];
        if (parts.Length > 1) candidates = candidates.Where(p => p.Version == parts[1]);
        if (parts.Length > 2 && parts[2] is ['(', .., ')'] source && candidates.FirstOrDefault(p => p.Source == source[1..^1]) is { } exact) return exact;
        return candidates.FirstOrDefault();
    }

    /// <summary>
    /// The shortest chain from each workspace member that reaches the package, member first and the package last,
    /// shortest first, at most <paramref name="limit"/>; ties go to the earlier member, then the earlier-written dependency.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<CargoPackage>> PathsTo(CargoPackage target, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(target);
        var targets = Enumerable.Range(0, Packages.Count).Where(i => Packages[i] == target).ToList();
        return [.. Graph.PathIndices(targets, limit).Select(p => (IReadOnlyList<CargoPackage>)[.. p.Select(i => Packages[i])])];
    }

    private DependencyGraph BuildGraph()
    {
        var builder = new DependencyGraphBuilder();
        var key = new Dictionary<CargoPackage, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Packages.Count; i++)
        {
            key[Packages[i]] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Node(key[Packages[i]], Packages[i].Name, Packages[i].Version, Packages[i].Purl);
        }
        foreach (var package in Packages)
        {
            if (package.Source is null) builder.Root(key[package]);
            foreach (var dependency in package.Dependencies)
                if (Resolve(dependency) is { } next) builder.Edge(key[package], key[next]);
        }
        return builder.Build(inferRoots: false); // no workspace member: no roots, rather than every unreferenced crate
    }

    private static string? Text(TomlTable table, string key, string source, int index, bool required)
    {
        if (table.TryGetValue(key, out var value))
            return value as string ?? throw new LockfileFormatException(source, 0, 0, $"Package {index}: '{key}' must be a string.");
        return required ? throw new LockfileFormatException(source, 0, 0, $"Package {index} has no '{key}'.") : null;
    }
}
