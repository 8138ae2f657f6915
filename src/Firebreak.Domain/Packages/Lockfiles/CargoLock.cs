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
/// (no source) are the roots; <see cref="PathsTo"/> answers "who pulls this in" like <c>cargo tree -i</c>.
/// </summary>
public sealed class CargoLock
{
    private CargoLock(IReadOnlyList<CargoPackage> packages) => Packages = packages;

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

    /// <summary>The package a dependency entry (<c>name</c> or <c>name version …</c>) refers to.</summary>
    public CargoPackage? Resolve(string entry)
    {
        var parts = entry.Split(' ', 3);
        var candidates = Packages.Where(p => p.Name == parts[0]);
        if (parts.Length > 1) candidates = candidates.Where(p => p.Version == parts[1]);
        return candidates.FirstOrDefault();
    }

    /// <summary>Chains from a workspace member to the package (shortest first, at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<IReadOnlyList<CargoPackage>> PathsTo(CargoPackage target, int limit = 5)
    {
        var paths = new List<IReadOnlyList<CargoPackage>>();
        var queue = new Queue<List<CargoPackage>>(Roots.Select(r => new List<CargoPackage> { r }));
        while (queue.Count > 0 && paths.Count < limit)
        {
            var path = queue.Dequeue();
            var last = path[^1];
            if (last == target) { paths.Add(path); continue; }
            if (path.Count > 64) continue;
            foreach (var next in last.Dependencies.Select(Resolve).OfType<CargoPackage>().Where(n => !path.Contains(n)))
            {
                queue.Enqueue([.. path, next]);
            }
        }
        return paths;
    }

    private static string? Text(TomlTable table, string key, string source, int index, bool required)
    {
        if (table.TryGetValue(key, out var value))
            return value as string ?? throw new LockfileFormatException(source, 0, 0, $"Package {index}: '{key}' must be a string.");
        return required ? throw new LockfileFormatException(source, 0, 0, $"Package {index} has no '{key}'.") : null;
    }
}
