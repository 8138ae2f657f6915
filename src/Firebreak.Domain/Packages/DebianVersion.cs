using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Debian package version <c>[epoch:]upstream_version[-debian_revision]</c>, ordered as dpkg does
/// (Debian Policy 5.6.12): epochs numerically, then upstream and revision by alternating non-digit
/// runs (letters before non-letters, '~' before everything, even the end) and digit runs (numerically).
/// A missing epoch is 0 and a missing revision compares as "0".
/// </summary>
public sealed class DebianVersion : EcosystemVersion<DebianVersion>
{
    private DebianVersion(string original, string epoch, string upstream, string revision) : base(original)
    {
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
    }

    internal string Epoch { get; }
    internal string Upstream { get; }
    internal string Revision { get; }

    /// <inheritdoc/>
    protected override string EqualityKey => $"{NumericText.Trim(Epoch)}:{Key(Upstream)}-{Key(Revision)}";

    /// <summary>Parses a version; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static DebianVersion Parse(string text) =>
        TryParse(text, out var v, out var error) ? v : throw new FormatException(error);

    /// <summary>Parses a version; false (with the reason) when it breaks Debian policy's syntax.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DebianVersion? version,
        [NotNullWhen(false)] out string? error)
    {
        version = null;
        var s = text?.Trim() ?? "";
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        var epoch = colon >= 0 ? s[..colon] : "0";
        var rest = colon >= 0 ? s[(colon + 1)..] : s;
        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : "0";
        if (!NumericText.IsDigits(epoch))
        {
            error = $"Debian version '{text}': the epoch '{epoch}' is not a number.";
            return false;
        }
        if (upstream.Length == 0)
        {
            error = $"Debian version '{text}': the upstream version is empty.";
            return false;
        }
        if (!upstream.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or '-' or ':')
            || !revision.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~'))
        {
            error = $"Debian version '{text}': contains a character Debian policy does not allow.";
            return false;
        }
        version = new DebianVersion(text!, epoch, upstream, revision.Length == 0 ? "0" : revision);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(DebianVersion? other)
    {
        if (other is null) return 1;
        var c = NumericText.Compare(Epoch, other.Epoch);
        if (c == 0) c = DpkgCompare(Upstream, other.Upstream);
        if (c == 0) c = DpkgCompare(Revision, other.Revision);
        return Math.Sign(c);
    }

    // dpkg's verrevcmp: the weight of a character in a non-digit run; 0 is the end of the run.
    private static int Order(string s, int i) =>
        i >= s.Length || char.IsAsciiDigit(s[i]) ? 0
        : char.IsAsciiLetter(s[i]) ? s[i]
        : s[i] == '~' ? -1
        : s[i] + 256;

    internal static int DpkgCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var d = Order(a, i) - Order(b, j);
                if (d != 0) return d;
                i++;
                j++;
            }
            int si = i, sj = j;
            while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
            while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
            var c = NumericText.Compare(a[si..i], b[sj..j]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static string Key(string part)
    {
        // Equal under dpkg exactly when non-digit runs match and digit runs are numerically equal.
        var sb = new StringBuilder();
        for (var i = 0; i < part.Length; i++)
        {
            if (char.IsAsciiDigit(part[i]) && (i == 0 || !char.IsAsciiDigit(part[i - 1])))
            {
                var end = i;
                while (end < part.Length && char.IsAsciiDigit(part[end])) end++;
                var digits = NumericText.Trim(part[i..end]);
                if (digits.Length > 0) sb.Append('#').Append(digits); // a zero run equals no run
                i = end - 1;
            }
            else sb.Append(part[i]);
        }
        return sb.ToString();
    }
}
