namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// go.mod: the modules of its <c>require</c> lines and blocks (<c>// indirect</c> marks transitive ones), with
/// <c>replace</c> directives applied — a replacement by another module swaps the purl, a replacement by a local
/// path (<c>./fork</c>, or no version) drops the module, since nothing is fetched from a registry. <c>go</c>,
/// <c>toolchain</c>, <c>exclude</c>, <c>retract</c> and the other directives are understood and not emitted:
/// the Go standard library (OSV's <c>stdlib</c>) has no module path, which a pkg:golang purl requires.
/// Any other line fails with its line and column.
/// </summary>
public static class GoMod
{
    private static readonly string[] Directives = ["module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"];

    /// <summary>Reads the required modules. With <paramref name="goSum"/> (the go.sum beside it), a go.mod older than Go 1.17 — which
    /// does not list indirect modules — gets the go.sum's modules as transitive ones.</summary>
    public static IReadOnlyList<LockfileComponent> Parse(string text, string source, string? goSum = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        var required = new List<(string Path, string Version, bool Indirect, int Line)>();
        var replaces = new List<(string Path, string? Version, string To, string? ToVersion)>();
        string? goVersion = null;
        string? block = null;
        var blockLine = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var comment = raw.IndexOf("//", StringComparison.Ordinal);
            var indirect = comment >= 0 && raw[(comment + 2)..].Trim().StartsWith("indirect", StringComparison.Ordinal);
            var tokens = (comment >= 0 ? raw[..comment] : raw).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList();
            if (tokens.Count == 0) continue;
            var column = raw.Length - raw.TrimStart().Length + 1;
            if (block is not null)
            {
                if (tokens is [")"]) { block = null; continue; }
                Directive(block, tokens, indirect, i + 1, column);
                continue;
            }
            if (!Directives.Contains(tokens[0])) throw new LockfileFormatException(source, i + 1, column, $"'{tokens[0]}' is not a go.mod directive (expected one of: {string.Join(", ", Directives)}).");
            if (tokens is [_, "("]) { (block, blockLine) = (tokens[0], i + 1); continue; }
            if (tokens[0] == "go" && tokens.Count == 2) goVersion = tokens[1];
            Directive(tokens[0], tokens.Skip(1).ToList(), indirect, i + 1, column + tokens[0].Length + 1);
        }
        if (block is not null) throw new LockfileFormatException(source, blockLine, 1, $"The '{block} (' block is not closed with ')' before the end of the file.");
        if (goSum is not null && IsBefore117(goVersion)) AddFromGoSum(goSum, source, required);
        return required.SelectMany(r => Resolve(r, replaces, source)).ToList();

        void Directive(string verb, List<string> args, bool isIndirect, int line, int column)
        {
            switch (verb)
            {
                case "require":
                    if (args.Count != 2) throw new LockfileFormatException(source, line, column, "A requirement is 'module/path version'.");
                    required.Add((args[0], args[1], isIndirect, line));
                    break;
                case "replace":
                    var arrow = args.IndexOf("=>");
                    if (arrow is < 1 or > 2 || args.Count - arrow - 1 is < 1 or > 2)
                        throw new LockfileFormatException(source, line, column, "A replacement is 'module/path [version] => replacement [version]'.");
                    replaces.Add((args[0], arrow == 2 ? args[1] : null, args[arrow + 1], args.Count - arrow - 1 == 2 ? args[^1] : null));
                    break;
                case "module" or "go" or "toolchain" when args.Count != 1:
                    throw new LockfileFormatException(source, line, column, $"'{verb}' takes exactly one argument.");
                default:
                    break; // exclude, retract, godebug, tool, ignore: nothing installed
            }
        }
    }

    private static IEnumerable<LockfileComponent> Resolve((string Path, string Version, bool Indirect, int Line) module, List<(string Path, string? Version, string To, string? ToVersion)> replaces, string source)
    {
        // The last matching replace wins, and one naming the exact version wins over one for every version, as in the go command.
        var replace = replaces.LastOrDefault(r => r.Path == module.Path && r.Version == module.Version);
        if (replace.To is null) replace = replaces.LastOrDefault(r => r.Path == module.Path && r.Version is null);
        var (path, version) = (module.Path, module.Version);
        if (replace.To is not null)
        {
            if (replace.ToVersion is null) yield break; // a local directory
            (path, version) = (replace.To, replace.ToVersion);
        }
        var slash = path.LastIndexOf('/');
        PackageUrl purl;
        try
        {
            purl = PackageUrl.Create("golang", slash > 0 ? path[..slash] : null, path[(slash + 1)..], version, null, null);
        }
        catch (PackageUrlFormatException e)
        {
            throw new LockfileFormatException(source, module.Line, 1, $"'{path} {version}' is not a valid Go module: {e.Message}");
        }
        yield return new LockfileComponent(purl, !module.Indirect, Development: false);
    }

    private static bool IsBefore117(string? goVersion) =>
        goVersion is null || (goVersion.Split('.') is [var major, var minor, ..] && major == "1" && int.TryParse(minor, out var m) && m < 17);

    private static void AddFromGoSum(string goSum, string source, List<(string Path, string Version, bool Indirect, int Line)> required)
    {
        var lines = goSum.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length != 3) throw new LockfileFormatException(source + " (go.sum)", i + 1, 1, "A go.sum line is 'module version hash'.");
            if (parts[1].EndsWith("/go.mod", StringComparison.Ordinal)) continue; // only the module's go.mod was downloaded, not its code
            if (!required.Any(r => r.Path == parts[0] && r.Version == parts[1])) required.Add((parts[0], parts[1], true, 0));
        }
    }

    private static string Unquote(string token) => token.Length >= 2 && token[0] is '"' or '`' && token[^1] == token[0] ? token[1..^1] : token;
}
