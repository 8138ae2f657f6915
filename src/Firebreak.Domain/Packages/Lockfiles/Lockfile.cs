namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// One entry point for the package lockfiles: chooses the reader by file name and returns format-neutral
/// components, one per package URL. A package listed more than once (per target framework, per
/// platform, per peer-dependency variant) is merged: direct if any listing is direct, development only
/// if every listing is. Where the format records who depends on whom, <see cref="LockfileContents.Graph"/> says so
/// (go.mod and requirements files do not). Cargo.lock is not here: it keeps its own model (<see cref="CargoLock"/>).
/// </summary>
public static class Lockfile
{
    /// <summary>True when the file name (a path is fine) is a lockfile format this class reads.</summary>
    public static bool TryDetect(string fileName, out LockfileFormat format)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        LockfileFormat? detected = name switch
        {
            "package-lock.json" or "npm-shrinkwrap.json" => LockfileFormat.Npm,
            "yarn.lock" => LockfileFormat.Yarn,
            "pnpm-lock.yaml" => LockfileFormat.Pnpm,
            "packages.lock.json" => LockfileFormat.NuGet,
            "poetry.lock" => LockfileFormat.Poetry,
            "go.mod" => LockfileFormat.GoMod,
            "Gemfile.lock" or "gems.locked" => LockfileFormat.Gemfile,
            _ when name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal) => LockfileFormat.Requirements,
            _ => null,
        };
        format = detected ?? default;
        return detected is not null;
    }

    /// <summary>Reads a lockfile whose format <see cref="TryDetect"/> recognises; throws <see cref="LockfileFormatException"/> when it is malformed.</summary>
    /// <exception cref="ArgumentException">The file name is not a recognised lockfile.</exception>
    public static LockfileContents Read(string fileName, string text)
    {
        if (!TryDetect(fileName, out var format)) throw new ArgumentException($"'{fileName}' is not a lockfile name this reader knows.", nameof(fileName));
        return Read(format, text, fileName);
    }

    /// <summary>Reads <paramref name="text"/> as the given format; <paramref name="source"/> names the file in errors.</summary>
    public static LockfileContents Read(LockfileFormat format, string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var graph = new DependencyGraphBuilder();
        var contents = format switch
        {
            LockfileFormat.Npm => Contents(NpmLock.Parse(text, source, graph).Select(c => new LockfileComponent(c.Purl, c.Direct, c.Development))),
            LockfileFormat.Yarn => Contents(YarnLock.Parse(text, source, graph)),
            LockfileFormat.Pnpm => Contents(PnpmLock.Parse(text, source, graph)),
            LockfileFormat.NuGet => Contents(NuGetLock.Parse(text, source, graph)),
            LockfileFormat.Poetry => Contents(PoetryLock.Parse(text, source, graph)),
            LockfileFormat.Requirements => Merged(RequirementsTxt.Parse(text, source)),
            LockfileFormat.GoMod => Contents(GoMod.Parse(text, source)), // direct vs '// indirect' only: no edges
            LockfileFormat.Gemfile => Contents(GemfileLock.Parse(text, source, graph)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown lockfile format."),
        };
        return format is LockfileFormat.Requirements or LockfileFormat.GoMod ? contents : contents with { Graph = graph.Build() };
    }

    private static LockfileContents Contents(IEnumerable<LockfileComponent> components) => new(Merge(components), []);

    private static LockfileContents Merged(LockfileContents contents) => contents with { Components = Merge(contents.Components) };

    private static List<LockfileComponent> Merge(IEnumerable<LockfileComponent> components)
    {
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<LockfileComponent>();
        foreach (var component in components)
        {
            var key = component.Purl.ToString();
            if (!merged.TryGetValue(key, out var index))
            {
                merged[key] = list.Count;
                list.Add(component);
                continue;
            }
            var seen = list[index];
            bool? direct = seen.Direct is null && component.Direct is null ? null : seen.Direct == true || component.Direct == true;
            list[index] = seen with { Direct = direct, Development = seen.Development && component.Development };
        }
        return list;
    }
}
