using Firebreak.Domain.Common;

namespace Firebreak.Web.Features.Disclosure.Editor;

/// <summary>
/// The editor's short way to write one affected span: <c>&lt; 1.4.2</c> (everything before the fix),
/// <c>&lt;= 1.4.1</c> (up to and including the last affected version), with an optional lower bound
/// <c>&gt;= 1.0.0, &lt; 1.4.2</c>, or <c>= 1.3.0</c> for a single version. Returns OSV's introduced / fixed /
/// last_affected events.
/// </summary>
internal static class VersionShorthand
{
    public static (string Introduced, string? Fixed, string? LastAffected) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string introduced = "0";
        string? fixedAt = null, last = null;
        var parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Operators may be written apart from the version ("< 1.2") or joined ("<1.2"); join them first.
        var tokens = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "<" or "<=" or ">=" or ">" or "=" && i + 1 < parts.Length) tokens.Add(parts[i] + parts[++i]);
            else tokens.Add(parts[i]);
        }
        if (tokens.Count is 0 or > 2) throw Bad(text);
        foreach (var token in tokens)
        {
            if (token.StartsWith("<=", StringComparison.Ordinal)) last = Version(token[2..], text);
            else if (token.StartsWith(">=", StringComparison.Ordinal)) introduced = Version(token[2..], text);
            else if (token.StartsWith('<')) fixedAt = Version(token[1..], text);
            else if (token.StartsWith('=')) { introduced = Version(token[1..], text); last = introduced; }
            else throw Bad(text);
        }
        if (fixedAt is not null && last is not null) throw new DomainException($"ranges: '{text}' gives both a fixed (<) and a last affected (<=) version; give one.");
        if (fixedAt is null && last is null) throw new DomainException($"ranges: '{text}' has no upper bound; write < (the fixed version) or <= (the last affected one).");
        return (introduced, fixedAt, last);
    }

    private static string Version(string version, string text) => version.Length > 0 && version.Length <= 200 ? version : throw Bad(text);

    private static DomainException Bad(string text) =>
        new($"ranges: '{Excerpt.Clip(text, 60)}' is not a range; write for example '< 1.4.2', '<= 1.4.1' or '>= 1.0.0, < 1.4.2'.");
}
