using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Composer (Packagist) version ordered as PHP's <c>version_compare</c>, after dropping one leading 'v' as Composer
/// does (and keeping '#', which stands for "a number" in PHP's table, as OSV tooling does): the text is canonicalised ('-', '_', '+' and other punctuation become '.', a '.' goes between a digit and a
/// letter, repeated dots collapse) and compared piece by piece: numbers numerically; words by their special form —
/// any other word &lt; dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; a number &lt; pl = p (a word is matched by
/// its beginning, so "abc" is alpha); when one version has more pieces, a number makes it newer and anything else
/// is weighed against a number.
/// </summary>
public sealed class PackagistVersion : EcosystemVersion<PackagistVersion>
{
    private const int NumberForm = 4;
    private static readonly (string Name, int Order)[] Forms =
        [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", NumberForm), ("pl", 5), ("p", 5)];

    private readonly string _canonical;

    private PackagistVersion(string original, string canonical) : base(original) => _canonical = canonical;

    // version_compare's equality is not transitive ("1.2.3." equals both "1.2.3" and "1.2.3.5"), so the hash takes
    // only what every equal version shares: the class of the first piece.
    /// <inheritdoc/>
    protected override string EqualityKey => _canonical.Split('.')[0] is var first && IsNumber(first) ? "n" + NumericText.Trim(first) : "s" + Form(first);

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> for empty text.</summary>
    public static PackagistVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; <c>version_compare</c> reads any text, so this fails only for empty text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PackagistVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        if (s.Length > 0 && s[0] is 'v' or 'V') s = s[1..];
        if (s.Length == 0)
        {
            error = new VersionParseError("a Composer version is empty", (text ?? "").Length);
            return false;
        }
        version = new PackagistVersion(text!, Canonical(s));
        error = null;
        return true;
    }

    // PHP's php_canonicalize_version: the first character is kept as it is.
    private static string Canonical(string s)
    {
        var b = new StringBuilder(s.Length * 2).Append(s[0]);
        for (var i = 1; i < s.Length; i++)
        {
            char c = s[i], last = s[i - 1];
            bool digit = char.IsAsciiDigit(c), lastDigit = char.IsAsciiDigit(last);
            if (c is '-' or '_' or '+' || (!char.IsAsciiLetterOrDigit(c) && c != '#'))
            {
                if (b[^1] != '.') b.Append('.');
            }
            else if ((last != '.' && !lastDigit && digit) || (lastDigit && !digit))
            {
                if (b[^1] != '.') b.Append('.');
                b.Append(c);
            }
            else
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }

    /// <inheritdoc/>
    public override int CompareTo(PackagistVersion? other) => other is null ? 1 : Walk(_canonical, other._canonical);

    // php_version_compare: an empty text sorts first; text starting with '#' is used as it is, other text canonicalised.
    private static int Compare(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == 0 ? (b.Length == 0 ? 0 : -1) : 1;
        return Walk(a[0] == '#' ? a : Canonical(a), b[0] == '#' ? b : Canonical(b));
    }

    // The walk over '.'-separated pieces, faithfully: it stops at an empty piece, and what one side has left after
    // the other runs out is newer when it goes on with a number, otherwise weighed against "#N#".
    private static int Walk(string a, string b)
    {
        int p1 = 0, p2 = 0, n1 = 0, n2 = 0, compare = 0;
        while (p1 < a.Length && p2 < b.Length && n1 >= 0 && n2 >= 0)
        {
            n1 = a.IndexOf('.', p1);
            n2 = b.IndexOf('.', p2);
            compare = Piece(a[p1..(n1 < 0 ? a.Length : n1)], b[p2..(n2 < 0 ? b.Length : n2)]);
            if (compare != 0) break;
            if (n1 >= 0) p1 = n1 + 1;
            if (n2 >= 0) p2 = n2 + 1;
        }
        if (compare != 0) return compare;
        if (n1 >= 0) return p1 < a.Length && char.IsAsciiDigit(a[p1]) ? 1 : Compare(a[p1..], "#N#");
        if (n2 >= 0) return p2 < b.Length && char.IsAsciiDigit(b[p2]) ? -1 : Compare("#N#", b[p2..]);
        return 0;
    }

    private static int Piece(string a, string b) => (IsNumber(a), IsNumber(b)) switch
    {
        (true, true) => NumericText.Compare(Digits(a), Digits(b)),
        (false, false) => Math.Sign(Form(a).CompareTo(Form(b))),
        (true, false) => Math.Sign(NumberForm.CompareTo(Form(b))),
        (false, true) => Math.Sign(Form(a).CompareTo(NumberForm)),
    };

    // PHP checks whether the piece starts with a digit; canonical pieces are all digits or all non-digits.
    private static bool IsNumber(string piece) => piece.Length > 0 && char.IsAsciiDigit(piece[0]);

    private static string Digits(string piece) => new([.. piece.TakeWhile(char.IsAsciiDigit)]);

    private static int Form(string piece)
    {
        foreach (var (name, order) in Forms)
            if (piece.StartsWith(name, StringComparison.Ordinal)) return order;
        return -6;
    }
}
