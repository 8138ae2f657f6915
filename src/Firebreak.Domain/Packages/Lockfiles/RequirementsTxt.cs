using System.Text;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>
/// pip requirements files. Only requirements pinned to one version (<c>name==1.2</c> or <c>name===1.2</c>)
/// become components; ranges, bare names, URLs and paths are returned as <see cref="SkippedEntry"/>, because
/// they do not say what is installed. Comments, line continuations, extras, environment markers and
/// per-requirement options (<c>--hash</c>, <c>-C</c>) are understood; option lines such as <c>-r</c> and
/// <c>-c</c> are ignored (included files are not followed: this reader does no I/O). Names are normalised
/// per PEP 503. A line that is not a requirement at all (no project name, text where a specifier belongs)
/// fails with its line and column.
/// </summary>
public static partial class RequirementsTxt
{
    /// <summary>Reads the pinned requirements; which packages are direct is unknown (a frozen file lists everything).</summary>
    public static LockfileContents Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64 * 1024 * 1024) throw new LockfileFormatException(source, 1, 1, "The file is larger than 64 MiB.");
        var components = new List<LockfileComponent>();
        var skipped = new List<SkippedEntry>();
        foreach (var (number, line) in LogicalLines(text))
        {
            var requirement = Comment().Replace(line, "").Trim();
            if (requirement.Length == 0) continue;
            if (requirement.StartsWith('-'))
            {
                if (requirement.StartsWith("-e", StringComparison.Ordinal) || requirement.StartsWith("--editable", StringComparison.Ordinal))
                    skipped.Add(new SkippedEntry(number, requirement, "an editable install, not a pinned version"));
                continue; // -r, -c, --index-url…: file-level options
            }
            var options = PerRequirementOption().Match(requirement);
            if (options.Success) requirement = requirement[..options.Index].Trim();
            if (requirement.StartsWith('.') || requirement.StartsWith('/') || requirement.Contains("://", StringComparison.Ordinal) && !requirement.Contains('@', StringComparison.Ordinal))
            {
                skipped.Add(new SkippedEntry(number, requirement, "a path or URL, not a named requirement"));
                continue;
            }
            if (Read(requirement, number, line, source, skipped) is { } component) components.Add(component);
        }
        return new LockfileContents(components, skipped);
    }

    /// <summary>PEP 503: lowercase, and every run of <c>-</c>, <c>_</c> and <c>.</c> becomes one <c>-</c>.</summary>
    public static string NormaliseName(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    private static LockfileComponent? Read(string requirement, int number, string line, string source, List<SkippedEntry> skipped)
    {
        var name = Name().Match(requirement);
        if (!name.Success) throw new LockfileFormatException(source, number, Column(line, requirement), $"'{requirement}' has no project name.");
        var rest = requirement[name.Length..].TrimStart();
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new LockfileFormatException(source, number, Column(line, rest), $"'{requirement}': the extras are not closed with ']'.");
            rest = rest[(close + 1)..].TrimStart();
        }
        if (rest.StartsWith('@'))
        {
            skipped.Add(new SkippedEntry(number, requirement, "a direct URL reference, not a pinned version"));
            return null;
        }
        var semicolon = rest.IndexOf(';', StringComparison.Ordinal);
        var specifiers = (semicolon < 0 ? rest : rest[..semicolon]).Trim();
        if (specifiers.Length == 0)
        {
            skipped.Add(new SkippedEntry(number, requirement, "no version is pinned"));
            return null;
        }
        var clauses = specifiers.Split(',', StringSplitOptions.TrimEntries);
        foreach (var clause in clauses)
        {
            if (!Specifier().IsMatch(clause))
                throw new LockfileFormatException(source, number, Column(line, clause), $"'{clause}' in '{requirement}' is not a version specifier (==, !=, <=, >=, <, >, ~= or ===).");
        }
        var pin = Pin().Match(clauses[0]);
        if (clauses.Length != 1 || !pin.Success)
        {
            skipped.Add(new SkippedEntry(number, requirement, $"'{specifiers}' is not one exact version"));
            return null;
        }
        try
        {
            var purl = PackageUrl.Create("pypi", null, NormaliseName(name.Value), pin.Groups["version"].Value, null, null);
            return new LockfileComponent(purl, Direct: null, Development: false);
        }
        catch (PackageUrlFormatException e)
        {
            throw new LockfileFormatException(source, number, Column(line, requirement), $"'{requirement}' is not a valid PyPI package: {e.Message}");
        }
    }

    /// <summary>Joins backslash-continued lines; each logical line keeps the number of its first physical line.</summary>
    private static IEnumerable<(int Number, string Line)> LogicalLines(string text)
    {
        var lines = text.Split('\n');
        var joined = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (joined.Length == 0) start = i + 1;
            if (line.EndsWith('\\') && !Comment().IsMatch(line))
            {
                joined.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }
            joined.Append(line);
            yield return (start, joined.ToString());
            joined.Clear();
        }
        if (joined.Length > 0) yield return (start, joined.ToString()); // a continuation on the last line
    }

    private static int Column(string line, string part) => Math.Max(0, line.IndexOf(part, StringComparison.Ordinal)) + 1;

    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s--?[A-Za-z]")]
    private static partial Regex PerRequirementOption();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(===|==|!=|<=|>=|~=|<|>)")]
    private static partial Regex Specifier();

    [GeneratedRegex(@"^===?\s*(?<version>[A-Za-z0-9][A-Za-z0-9._!+-]*)$")]
    private static partial Regex Pin();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex Separators();
}
