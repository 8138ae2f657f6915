using System.Text.Json;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>A package installed by an npm lockfile.</summary>
/// <param name="Purl">Its package URL (scoped names get the <c>@scope</c> namespace).</param>
/// <param name="Development">Installed only for development (<c>dev</c>, or <c>devOptional</c>).</param>
/// <param name="Optional">Marked optional.</param>
/// <param name="InstallPath">Where npm puts it, e.g. <c>node_modules/a/node_modules/b</c>: the chain that pulls it in.</param>
/// <param name="Direct">
/// True when the project (or one of its workspaces) names it among its dependencies and npm installed that copy at the top,
/// false when not; null when the lockfile does not say (version 1, or a root entry without dependency lists).
/// </param>
public sealed record NpmComponent(PackageUrl Purl, bool Development, bool Optional, string InstallPath, bool? Direct = null)
{
    /// <summary>The package names from the top-level dependency down to this one.</summary>
    public IReadOnlyList<string> Chain => InstallPath.Split("node_modules/", StringSplitOptions.RemoveEmptyEntries).Select(p => p.TrimEnd('/')).ToList();
}

/// <summary>
/// package-lock.json and npm-shrinkwrap.json, lockfile versions 1 (the nested <c>dependencies</c>
/// tree), 2 and 3 (the flat <c>packages</c> map keyed by install path). Linked workspace packages,
/// entries without a version and aliases' targets are handled; errors name the JSON path. The dependency graph
/// resolves each dependency name the way Node does: from the dependent's folder, the nearest <c>node_modules/name</c>
/// going up (<see cref="NpmInstallGraph"/>).
/// </summary>
public static class NpmLock
{
    /// <summary>Reads the lockfile's installed packages.</summary>
    public static IReadOnlyList<NpmComponent> Parse(string json, string source) => Parse(json, source, null);

    /// <summary>Reads the installed packages and, into <paramref name="graph"/>, who depends on whom.</summary>
    internal static IReadOnlyList<NpmComponent> Parse(string json, string source, DependencyGraphBuilder? graph)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new LockfileFormatException(source, 1, 1, "$: expected a package-lock.json object.");
            var components = new List<NpmComponent>();
            var installs = new NpmInstallGraph();
            if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
                ReadPackages(packages, source, components, installs);
            else if (root.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
                ReadTree(dependencies, "", "$.dependencies", source, components, installs);
            if (graph is not null) installs.Fill(graph, components);
            return components;
        }
        catch (JsonException e)
        {
            throw new LockfileFormatException(source, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"Not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static readonly string[] DependencyLists = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

    private static void ReadPackages(JsonElement packages, string source, List<NpmComponent> components, NpmInstallGraph installs)
    {
        var direct = DirectNames(packages);
        foreach (var entry in packages.EnumerateObject())
        {
            var at = entry.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
            installs.Install(entry.Name, entry.Value, project: entry.Name.Length == 0 || at < 0);
            if (entry.Name.Length == 0 || at < 0) continue; // the root project, or a workspace folder
            if (entry.Value.ValueKind != JsonValueKind.Object) throw new LockfileFormatException(source, 0, 0, $"$.packages['{entry.Name}']: expected an object.");
            if (Bool(entry.Value, "link")) continue; // a symlink to a workspace package, listed under its own path
            var key = entry.Name[(at + "node_modules/".Length)..];
            var name = Str(entry.Value, "name") ?? key;
            bool? isDirect = direct is null ? null : at == 0 && direct.Contains(key);
            Add(components, name, entry.Value, entry.Name, source, $"$.packages['{entry.Name}']", isDirect);
        }
    }

    /// <summary>The names the root project and its workspace folders ask for, or null when no project entry lists any.</summary>
    private static HashSet<string>? DirectNames(JsonElement packages)
    {
        HashSet<string>? names = null;
        foreach (var entry in packages.EnumerateObject())
        {
            if (entry.Name.Contains("node_modules/", StringComparison.Ordinal) || entry.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var list in DependencyLists)
            {
                if (!entry.Value.TryGetProperty(list, out var deps) || deps.ValueKind != JsonValueKind.Object) continue;
                names ??= new HashSet<string>(StringComparer.Ordinal);
                foreach (var dep in deps.EnumerateObject()) names.Add(dep.Name);
            }
        }
        return names;
    }

    private static void ReadTree(JsonElement dependencies, string prefix, string path, string source, List<NpmComponent> components, NpmInstallGraph installs)
    {
        foreach (var entry in dependencies.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object) throw new LockfileFormatException(source, 0, 0, $"{path}['{entry.Name}']: expected an object.");
            var installPath = prefix + "node_modules/" + entry.Name;
            installs.Install(installPath, entry.Value, project: false);
            Add(components, entry.Name, entry.Value, installPath, source, $"{path}['{entry.Name}']");
            if (entry.Value.TryGetProperty("dependencies", out var nested) && nested.ValueKind == JsonValueKind.Object)
                ReadTree(nested, installPath + "/", $"{path}['{entry.Name}'].dependencies", source, components, installs);
        }
    }

    private static void Add(List<NpmComponent> components, string name, JsonElement value, string installPath, string source, string path, bool? direct = null)
    {
        var version = Str(value, "version");
        if (string.IsNullOrEmpty(version)) return;
        if (version.StartsWith("npm:", StringComparison.Ordinal)) // an alias: "npm:real-name@1.2.3"
        {
            var target = version[4..];
            var at = target.LastIndexOf('@');
            if (at <= 0) throw new LockfileFormatException(source, 0, 0, $"{path}.version: alias '{version}' has no version.");
            (name, version) = (target[..at], target[(at + 1)..]);
        }
        if (version.Contains(':', StringComparison.Ordinal) || version.StartsWith("file", StringComparison.Ordinal)) return; // git, file or link specs: not registry versions
        var slash = name.StartsWith('@') ? name.IndexOf('/', StringComparison.Ordinal) : -1;
        PackageUrl purl;
        try
        {
            purl = slash > 0
                ? PackageUrl.Create("npm", name[..slash], name[(slash + 1)..], version, null, null)
                : PackageUrl.Create("npm", null, name, version, null, null);
        }
        catch (PackageUrlFormatException e)
        {
            throw new LockfileFormatException(source, 0, 0, $"{path}: '{name}@{version}' is not a valid npm package: {e.Message}");
        }
        components.Add(new NpmComponent(purl, Bool(value, "dev") || Bool(value, "devOptional"), Bool(value, "optional"), installPath, direct));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
