using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Reads the text of a vers (<c>vers:&lt;scheme&gt;/&lt;constraint&gt;|…</c>) into its scheme and constraints, each with
/// the position it starts at. Strict reading takes only the canonical form: no spaces, no empty constraints. Lenient
/// reading is the specification's parse: spaces and tabs are removed, leading, trailing and doubled pipes ignored.
/// Both refuse what the specification forbids everywhere: an unknown or upper-case scheme, a '*' that is not alone,
/// an empty version, a reserved character (&lt;&gt;=!*|) or non-printable or non-ASCII one left unencoded, a bad
/// percent-encoding, and a version the scheme cannot read.
/// </summary>
internal static class VersReader
{
    public static bool TryRead(string? text, bool strict, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VersionScheme? scheme, out List<(VersConstraint C, int At)> constraints, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out VersionParseError? error)
    {
        scheme = null;
        constraints = [];
        var raw = text ?? "";
        var chars = new StringBuilder(raw.Length);
        var at = new List<int>(raw.Length + 1);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] is ' ' or '\t')
            {
                if (strict) return Fail(out error, "a canonical vers has no spaces (the lenient reading removes them)", i);
                continue;
            }
            chars.Append(raw[i]);
            at.Add(i);
        }
        at.Add(raw.Length);
        var s = chars.ToString();
        if (!s.StartsWith("vers:", StringComparison.Ordinal))
            return Fail(out error, s.StartsWith("vers:", StringComparison.OrdinalIgnoreCase) ? "the URI scheme is written in lower case: 'vers:'" : "a vers starts with 'vers:'", at[0]);
        var slash = s.IndexOf('/', 5);
        if (slash < 0) return Fail(out error, "expected '/' after the versioning scheme", at[s.Length]);
        var name = s[5..slash];
        if (name.Length == 0) return Fail(out error, "the versioning scheme is missing", at[5]);
        if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal)) return Fail(out error, $"the versioning scheme is written in lower case ('{name.ToLowerInvariant()}')", at[5]);
        if (!VersionSchemes.TryFind(name, out scheme)) return Fail(out error, $"unknown versioning scheme '{name}'", at[5]);
        var body = slash + 1;
        if (body == s.Length) return Fail(out error, "a vers needs at least one constraint (or '*')", at[body]);
        if (s.Length - body == 1 && s[body] == '*') { error = null; return true; }
        if (scheme == VersionSchemes.AllVersions || scheme == VersionSchemes.NoVersions) return Fail(out error, $"vers:{scheme.Name}/* is the only form of the {scheme.Name} scheme", at[body]);
        var start = body;
        for (var i = body; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] != '|') continue;
            if (i == start)
            {
                if (strict) return Fail(out error, "an empty constraint (a leading, trailing or doubled '|')", at[i]);
            }
            else if (!Constraint(s, start, i, at, scheme, out var constraint, out error))
            {
                return false;
            }
            else
            {
                constraints.Add((constraint, at[start]));
            }
            start = i + 1;
        }
        if (constraints.Count == 0) return Fail(out error, "a vers needs at least one constraint (or '*')", at[body]);
        error = null;
        return true;
    }

    private static bool Constraint(string s, int start, int end, List<int> at, VersionScheme scheme, out VersConstraint constraint, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out VersionParseError? error)
    {
        constraint = default;
        var (comparator, length) = s.AsSpan(start, end - start) switch
        {
            var c when c.StartsWith(">=") => (VersComparator.GreaterOrEqual, 2),
            var c when c.StartsWith("<=") => (VersComparator.LessOrEqual, 2),
            var c when c.StartsWith("!=") => (VersComparator.NotEqual, 2),
            var c when c.StartsWith("<") => (VersComparator.Less, 1),
            var c when c.StartsWith(">") => (VersComparator.Greater, 1),
            _ => (VersComparator.Equal, 0),
        };
        var from = start + length;
        if (from == end) return Fail(out error, "a constraint needs a version", at[from]);
        if (end - from == 1 && s[from] == '*') return Fail(out error, "'*' must be alone: vers:<scheme>/* and nothing else", at[from]);
        var bytes = new List<byte>(end - from);
        for (var i = from; i < end; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= end || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                    return Fail(out error, "'%' starts a percent-encoded byte: two hex digits must follow", at[i]);
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            if (c is '<' or '>' or '=' or '!' or '*') return Fail(out error, $"'{c}' in a version must be percent-encoded (%{(int)c:X2})", at[i]);
            if (c is <= ' ' or >= (char)0x7F) return Fail(out error, "a vers holds only printable ASCII; percent-encode other characters", at[i]);
            bytes.Add((byte)c);
        }
        string version;
        try
        {
            version = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return Fail(out error, "the percent-encoded bytes are not UTF-8", at[from]);
        }
        if (!scheme.TryParse(version, out var parsed, out var bad))
        {
            var plain = !s.AsSpan(from, end - from).Contains('%');
            error = new VersionParseError($"'{version}' is not a {scheme.Name} version: {bad.Message}", plain ? at[Math.Min(from + bad.Position, end)] : at[from]);
            return false;
        }
        constraint = new VersConstraint(comparator, parsed);
        error = null;
        return true;
    }

    private static bool Fail(out VersionParseError error, string message, int position)
    {
        error = new VersionParseError(message, position);
        return false;
    }
}
