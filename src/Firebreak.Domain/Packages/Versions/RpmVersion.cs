using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// An RPM package version <c>[epoch:]version[-release]</c> (Red Hat and the other RPM distributions), ordered by
/// <c>rpmvercmp</c> on the epoch (0 when absent), the version and the release in turn: separators are skipped; '~'
/// sorts before everything, even the end, and '^' after the end but before anything else; digit runs compare
/// numerically and beat letter runs; letter runs compare by code unit; when one side runs out the other is newer.
/// A text before ':' that is not all digits is not an epoch; the release starts at the first '-'; a missing release
/// sorts before any release, even an empty one.
/// </summary>
public sealed class RpmVersion : EcosystemVersion<RpmVersion>
{
    private readonly string _epoch;
    private readonly string _version;
    private readonly string? _release;

    private RpmVersion(string original, string epoch, string version, string? release) : base(original) => (_epoch, _version, _release) = (epoch, version, release);

    /// <inheritdoc/>
    protected override string EqualityKey => Key(_epoch) + ":" + Key(_version) + (_release is null ? "" : "-" + Key(_release));

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> for empty text.</summary>
    public static RpmVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; rpm compares any text, so this fails only for empty text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RpmVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            error = new VersionParseError("an RPM version is empty", 0);
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (epoch, rest) = colon >= 0 && text[..colon].All(char.IsAsciiDigit) ? (text[..colon], text[(colon + 1)..]) : ("0", text);
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        version = new RpmVersion(text, epoch.Length == 0 ? "0" : epoch, dash >= 0 ? rest[..dash] : rest, dash >= 0 ? rest[(dash + 1)..] : null);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(RpmVersion? other)
    {
        if (other is null) return 1;
        var c = Vercmp(_epoch, other._epoch);
        if (c != 0) return c;
        c = Vercmp(_version, other._version);
        if (c != 0) return c;
        if (_release is null || other._release is null) return _release is null ? (other._release is null ? 0 : -1) : 1;
        return Vercmp(_release, other._release);
    }

    /// <summary>rpmvercmp of two version or release strings.</summary>
    internal static int Vercmp(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == 0 ? (b.Length == 0 ? 0 : -1) : 1;
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && Skipped(a[i])) i++;
            while (j < b.Length && Skipped(b[j])) j++;
            bool ta = i < a.Length && a[i] == '~', tb = j < b.Length && b[j] == '~';
            if (ta || tb)
            {
                if (ta && tb) { i++; j++; continue; }
                return ta ? -1 : 1;
            }
            bool ca = i < a.Length && a[i] == '^', cb = j < b.Length && b[j] == '^';
            if (ca || cb)
            {
                if (ca && cb) { i++; j++; continue; }
                return ca ? (j == b.Length ? 1 : -1) : (i == a.Length ? -1 : 1);
            }
            if (i == a.Length || j == b.Length) break;
            var digits = char.IsAsciiDigit(a[i]);
            Func<char, bool> run = digits ? char.IsAsciiDigit : char.IsAsciiLetter;
            int si = i, sj = j;
            while (i < a.Length && run(a[i])) i++;
            while (j < b.Length && run(b[j])) j++;
            if (j == sj) return digits ? 1 : -1;
            var c = digits ? NumericText.Compare(a[si..i], b[sj..j]) : Math.Sign(string.CompareOrdinal(a[si..i], b[sj..j]));
            if (c != 0) return c;
        }
        return (a.Length - i).CompareTo(b.Length - j) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static bool Skipped(char c) => !char.IsAsciiLetterOrDigit(c) && c is not '~' and not '^';

    // Equal under Vercmp exactly when these are equal: runs and '~'/'^' in order, separators dropped.
    private static string Key(string s)
    {
        if (s.Length == 0) return "()";
        var b = new StringBuilder("(");
        for (var i = 0; i < s.Length;)
        {
            if (Skipped(s[i])) { i++; continue; }
            if (s[i] is '~' or '^') { b.Append(s[i++]); continue; }
            var digits = char.IsAsciiDigit(s[i]);
            var start = i;
            while (i < s.Length && (digits ? char.IsAsciiDigit(s[i]) : char.IsAsciiLetter(s[i]))) i++;
            b.Append(digits ? "#" + NumericText.Trim(s[start..i]) : "@" + s[start..i]).Append(',');
        }
        return b.Append(')').ToString();
    }
}
