namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// yarn.lock. Yarn 1 writes its own indented text format (read here); Yarn 2 and later ("berry") write YAML with
/// a <c>__metadata</c> entry (<see cref="YarnBerryLock"/>). Each entry's header lists the descriptors it satisfies;
/// <c>npm:</c> aliases name the real package. Entries that do not come from a registry — git, GitHub shorthand,
/// <c>file:</c>, <c>link:</c>, tarball URLs — are left out. Yarn 1 records neither dev-only nor direct packages.
/// </summary>
public static class YarnLock
{
    private const int MaxLength = 64 * 1024 * 1024;

    /// <summary>Reads either generation of yarn.lock.</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string text, string source) => Parse(text, source, null);

    /// <summary>
    /// Reads either generation and, into <paramref name="graph"/>, each entry's <c>dependencies</c> and
    /// <c>optionalDependencies</c> resolved through the descriptors the entries' headers list. Yarn 1 records no direct
    /// dependencies, so its roots are the entries nothing depends on.
    /// </summary>
    internal static IReadOnlyList<LockfileComponent> Parse(string text, string source, DependencyGraphBuilder? graph)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        if (text.Split('\n').Any(l => l.TrimEnd('\r') is "__metadata:" or "\"__metadata\":")) return YarnBerryLock.Parse(text, source, graph);
        var components = new List<LockfileComponent>();
        var entries = new List<Entry>();
        var lines = text.Split('\n');
        Entry? entry = null;
        string? block = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent == 0)
            {
                Finish(entry, source, components, entries);
                if (!line.EndsWith(':')) throw new LockfileFormatException(source, i + 1, line.Length + 1, "An entry's header must end with ':'.");
                var descriptors = Tokens(line[..^1], source, i + 1, ',');
                if (descriptors.Count == 0) throw new LockfileFormatException(source, i + 1, 1, "An entry's header names no package.");
                (entry, block) = (new Entry([.. descriptors], i + 1, null, null, []), null);
                continue;
            }
            if (entry is not { } current) throw new LockfileFormatException(source, i + 1, indent + 1, "An indented line before any entry.");
            if (indent == 4 && block is not null)
            {
                // A dependency ('name "range"'); the lock lists what it resolves to as an entry of its own.
                if (block is "dependencies" or "optionalDependencies" && DependencyTokens(line.Trim(), source, i + 1) is [var name, var range])
                    current.Dependencies.Add($"{name}@{range}");
                continue;
            }
            if (indent != 2) throw new LockfileFormatException(source, i + 1, indent + 1, $"Unexpected indentation of {indent}.");
            var field = Tokens(line.Trim(), source, i + 1, ' ');
            block = field.Count == 1 && line.EndsWith(':') ? field[0] : null;
            if (block is not null) continue;
            if (field.Count != 2) throw new LockfileFormatException(source, i + 1, indent + 1, "A field is 'name value' or 'name:' followed by a block.");
            if (field[0] == "version") entry = current with { Version = field[1] };
            else if (field[0] == "resolved") entry = current with { Resolved = field[1] };
        }
        Finish(entry, source, components, entries);
        if (graph is not null) Fill(graph, entries);
        return components;
    }

    private static void Finish(Entry? entry, string source, List<LockfileComponent> components, List<Entry> entries)
    {
        if (entry is not { } e) return;
        if (e.Version is null) throw new LockfileFormatException(source, e.Line, 1, $"The entry for '{e.Descriptors[0]}' has no version.");
        var ranges = e.Descriptors.Select(NpmDescriptor.Unalias).ToList();
        // A tarball from a registry (npmjs or a private one) is at …/name/-/name-1.2.3.tgz; without 'resolved', only the ranges tell.
        var fromRegistry = e.Resolved is { } url ? url.Contains("/-/", StringComparison.Ordinal) : ranges.All(r => IsRegistryRange(r.Range));
        PackageUrl? purl = null;
        if (fromRegistry)
        {
            try
            {
                purl = NpmDescriptor.Purl(ranges[0].Name, e.Version);
                components.Add(new LockfileComponent(purl, Direct: null, Development: false));
            }
            catch (PackageUrlFormatException x)
            {
                throw new LockfileFormatException(source, e.Line, 1, $"'{ranges[0].Name}@{e.Version}' is not a valid npm package: {x.Message}");
            }
        }
        entries.Add(e with { Purl = purl, Name = ranges[0].Name });
    }

    /// <summary>A dependency line's name and range; a malformed one is skipped, as it was before the graph was read, rather than failing the file.</summary>
    private static List<string>? DependencyTokens(string text, string source, int line)
    {
        try
        {
            return Tokens(text, source, line, ' ');
        }
        catch (LockfileFormatException)
        {
            return null;
        }
    }

    /// <summary>One node per entry (git, file and link entries too, without a purl, so chains through them hold), keyed by its first descriptor.</summary>
    private static void Fill(DependencyGraphBuilder graph, List<Entry> entries)
    {
        var byDescriptor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            graph.Node(e.Descriptors[0], e.Name!, e.Version!, e.Purl);
            foreach (var descriptor in e.Descriptors) byDescriptor.TryAdd(descriptor, e.Descriptors[0]);
        }
        foreach (var e in entries)
            foreach (var dependency in e.Dependencies)
                if (byDescriptor.TryGetValue(dependency, out var target)) graph.Edge(e.Descriptors[0], target);
    }

    private sealed record Entry(string[] Descriptors, int Line, string? Version, string? Resolved, List<string> Dependencies)
    {
        public PackageUrl? Purl { get; init; }

        public string? Name { get; init; }
    }

    /// <summary>A semver range or tag; protocols (<c>git+ssh:</c>, <c>file:</c>) and GitHub shorthand (<c>user/repo</c>) are not.</summary>
    internal static bool IsRegistryRange(string range) =>
        !range.Contains(':', StringComparison.Ordinal) && !range.Contains('/', StringComparison.Ordinal) && !range.Contains('#', StringComparison.Ordinal);

    /// <summary>Splits on <paramref name="separator"/> outside double quotes, unquoting (with backslash escapes) and trimming each part.</summary>
    private static List<string> Tokens(string text, string source, int line, char separator)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\' && i + 1 < text.Length) current.Append(text[++i]);
            else if (c == '"') (quoted, any) = (!quoted, true);
            else if (!quoted && c == separator) Flush();
            else if (!quoted && c == ':' && separator == ' ' && i == text.Length - 1) continue; // 'dependencies:' opens a block
            else current.Append(c);
        }
        if (quoted) throw new LockfileFormatException(source, line, text.Length + 1, "A quoted string is not closed.");
        Flush();
        return tokens;

        void Flush()
        {
            var token = current.ToString().Trim();
            if (token.Length > 0 || any) tokens.Add(token);
            (any, _) = (false, current.Clear());
        }
    }
}
