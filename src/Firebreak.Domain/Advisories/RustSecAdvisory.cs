using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;
using Tomlyn.Model;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// A RustSec advisory: TOML front matter between <c>```toml</c> fences, then Markdown. A version is
/// affected when no <c>patched</c> and no <c>unaffected</c> requirement admits it.
/// </summary>
/// <param name="Id">RUSTSEC-YYYY-NNNN.</param>
/// <param name="Package">The crate.</param>
/// <param name="Aliases">CVE and GHSA identifiers.</param>
/// <param name="Cvss">CVSS vector, if given.</param>
/// <param name="Title">The Markdown's first heading.</param>
/// <param name="Patched">Requirements the fixed versions satisfy.</param>
/// <param name="Unaffected">Requirements the never-affected versions satisfy.</param>
/// <param name="Informational">Informational kind (unmaintained, unsound, notice), if any.</param>
/// <param name="Withdrawn">Set when the advisory was withdrawn: it never matches.</param>
/// <param name="Date">The advisory's <c>date</c> (when it was reported), when given as yyyy-MM-dd.</param>
public sealed record RustSecAdvisory(string Id, string Package, IReadOnlyList<string> Aliases, string? Cvss, string Title,
    IReadOnlyList<CargoRequirement> Patched, IReadOnlyList<CargoRequirement> Unaffected, string? Informational, bool Withdrawn,
    DateOnly? Date = null)
{
    /// <summary>
    /// True when the version is neither patched nor unaffected (and the advisory stands). Requirements are read as
    /// intervals, prereleases included, so this agrees with the OSV range the advisory converts to.
    /// </summary>
    public bool Affects(SemanticVersion version) =>
        !Withdrawn && !Patched.Any(r => r.Contains(version, includePrerelease: true)) && !Unaffected.Any(r => r.Contains(version, includePrerelease: true));

    /// <summary>The lowest patched version above <paramref name="version"/>, when the advisory names one.</summary>
    public SemanticVersion? FixedVersionFor(SemanticVersion version) =>
        Patched.Select(r => r.LowerBound).OfType<SemanticVersion>().Where(v => v.CompareTo(version) > 0).Min();

    /// <summary>Reads an advisory file; throws <see cref="AdvisoryFormatException"/> naming the problem.</summary>
    public static RustSecAdvisory Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "```toml") throw new AdvisoryFormatException(source, 1, "The file must start with a ```toml front-matter fence.");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "```");
        if (end < 0) throw new AdvisoryFormatException(source, lines.Length, "The ```toml front matter is not closed.");
        var front = TomlText.TryRead(string.Join('\n', lines[1..end]), out var error)
            ?? throw new AdvisoryFormatException(source, error.Line + 1, "Front matter is not valid TOML: " + error.Message);
        var advisory = front.TryGetValue("advisory", out var a) && a is TomlTable at ? at : throw new AdvisoryFormatException(source, 2, "Missing the [advisory] table.");
        var versions = front.TryGetValue("versions", out var v) && v is TomlTable vt ? vt : new TomlTable();
        var title = lines.Skip(end + 1).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? "";
        return new RustSecAdvisory(
            Str(advisory, "id", source) ?? throw new AdvisoryFormatException(source, 2, "[advisory] has no id."),
            Str(advisory, "package", source) ?? throw new AdvisoryFormatException(source, 2, "[advisory] has no package."),
            Strings(advisory, "aliases", source),
            Str(advisory, "cvss", source),
            title,
            Requirements(versions, "patched", source),
            Requirements(versions, "unaffected", source),
            Str(advisory, "informational", source),
            advisory.ContainsKey("withdrawn"),
            advisory.TryGetValue("date", out var date) && date is string day
                && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null);
    }

    private static string? Str(TomlTable table, string key, string source) =>
        !table.TryGetValue(key, out var value) ? null
        : value as string ?? throw new AdvisoryFormatException(source, 0, $"'{key}' must be a string.");

    private static List<string> Strings(TomlTable table, string key, string source) =>
        !table.TryGetValue(key, out var value) ? []
        : value is TomlArray array && array.All(x => x is string) ? [.. array.Cast<string>()]
        : throw new AdvisoryFormatException(source, 0, $"'{key}' must be a list of strings.");

    private static List<CargoRequirement> Requirements(TomlTable table, string key, string source) =>
        [.. Strings(table, key, source).Select(text => CargoRequirement.TryParse(text, out var r, out var error)
            ? r : throw new AdvisoryFormatException(source, 0, $"[versions] {key}: '{text}': {error}"))];
}
