namespace Firebreak.Domain.Packages;

/// <summary>
/// The ordering key pip and setuptools used for versions that are not PEP 440 ("legacy" versions, e.g.
/// <c>0.9-doduo</c>, <c>2013-01-21T20:33:09+0100</c>): lowercased, split into digit runs, letter runs,
/// '.' and '-'; numbers zero-padded to eight places; pre/preview/rc read as 'c', dev as '@', '-' as
/// 'final-'; trailing zeros and 'final-' markers before a prerelease tag dropped. Legacy versions sort
/// before every PEP 440 version.
/// </summary>
internal static class Pep440LegacyKey
{
    public static string[] From(string text)
    {
        var parts = new List<string>();
        foreach (var part in Parts(text.ToLowerInvariant()))
        {
            if (part.StartsWith('*'))
            {
                if (string.CompareOrdinal(part, "*final") < 0)
                {
                    while (parts.Count > 0 && parts[^1] == "*final-") parts.RemoveAt(parts.Count - 1);
                }
                while (parts.Count > 0 && parts[^1] == "00000000") parts.RemoveAt(parts.Count - 1);
            }
            parts.Add(part);
        }
        return [.. parts];
    }

    public static int Compare(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return Math.Sign(c);
        }
        return a.Length.CompareTo(b.Length);
    }

    private static IEnumerable<string> Parts(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            string part;
            if (char.IsAsciiDigit(s[i]))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                part = s[start..i];
            }
            else if (char.IsAsciiLetterLower(s[i]))
            {
                while (i < s.Length && char.IsAsciiLetterLower(s[i])) i++;
                part = s[start..i];
            }
            else
            {
                // '.', '-' and any other character: pieces between the tokens are kept verbatim.
                i++;
                while (i < s.Length && s[i] is not ('.' or '-') && !char.IsAsciiLetterOrDigit(s[i]) && s[i - 1] is not ('.' or '-')) i++;
                part = s[start..i];
            }
            part = part switch { "pre" or "preview" or "rc" => "c", "-" => "final-", "dev" => "@", _ => part };
            if (part.Length == 0 || part == ".") continue;
            yield return char.IsAsciiDigit(part[0]) ? part.PadLeft(8, '0') : "*" + part;
        }
        yield return "*final";
    }
}
