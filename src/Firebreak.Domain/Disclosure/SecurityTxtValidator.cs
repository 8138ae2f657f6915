using Firebreak.Domain.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// Checks a security.txt against RFC 9116: Contact present (URIs; web URIs https), Expires exactly
/// once, a valid date-time, not past (and advice when over a year ahead), Preferred-Languages at
/// most once with valid tags, https for Acknowledgments, Canonical, Policy, Hiring, CSAF and web
/// Encryption URIs, no malformed lines. Unknown fields are allowed by the RFC and only noted.
/// An OpenPGP cleartext signature is unwrapped; the signature itself is not verified.
/// </summary>
public static partial class SecurityTxtValidator
{
    private static readonly string[] Known = ["contact", "expires", "encryption", "acknowledgments", "preferred-languages", "canonical", "policy", "hiring", "csaf"];
    private static readonly string[] HttpsOnly = ["acknowledgments", "canonical", "policy", "hiring", "csaf"];

    /// <summary>Every problem found; the file conforms when none is an error.</summary>
    public static IReadOnlyList<SecurityTxtIssue> Validate(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var issues = new List<SecurityTxtIssue>();
        if (text.Length > 64 * 1024) return [new(0, true, "The file is larger than 64 KiB.")];
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (first, last) = Unwrap(lines, issues);
        var counts = new Dictionary<string, int>();
        for (var i = first; i < last; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !FieldName().IsMatch(line[..colon]) || colon + 1 >= line.Length || line[colon + 1] != ' ')
            {
                issues.Add(new(number, true, $"'{Shorten(line)}' is not a field ('Name: value') or a comment."));
                continue;
            }
            var name = line[..colon].ToLowerInvariant();
            var value = line[(colon + 2)..].Trim();
            counts[name] = counts.GetValueOrDefault(name) + 1;
            Check(name, value, number, now, issues);
        }
        if (counts.GetValueOrDefault("contact") == 0) issues.Add(new(0, true, "Contact is required (RFC 9116 §2.5.3)."));
        switch (counts.GetValueOrDefault("expires"))
        {
            case 0: issues.Add(new(0, true, "Expires is required (RFC 9116 §2.5.5).")); break;
            case > 1: issues.Add(new(0, true, "Expires must appear only once.")); break;
        }
        if (counts.GetValueOrDefault("preferred-languages") > 1) issues.Add(new(0, true, "Preferred-Languages must appear at most once."));
        return [.. issues.OrderBy(i => i.Line)];
    }

    private static void Check(string name, string value, int line, DateTimeOffset now, List<SecurityTxtIssue> issues)
    {
        if (!Known.Contains(name))
        {
            issues.Add(new(line, false, $"'{name}' is not a field RFC 9116 defines; readers will ignore it."));
            return;
        }
        if (name == "expires")
        {
            if (!DateTimeOffset.TryParseExact(value, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
                issues.Add(new(line, true, $"Expires '{value}' is not an RFC 3339 date-time such as 2027-01-31T00:00:00.000Z."));
            else if (expires <= now) issues.Add(new(line, true, $"The file expired on {expires.UtcDateTime:u}; readers must not trust it."));
            else if (expires > now.AddYears(1)) issues.Add(new(line, false, "Expires is more than a year ahead; RFC 9116 advises less than a year."));
            return;
        }
        if (name == "preferred-languages")
        {
            foreach (var tag in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!LanguageTag().IsMatch(tag)) issues.Add(new(line, true, $"'{tag}' is not an RFC 5646 language tag."));
            }
            return;
        }
        if (name == "contact" && value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            var mailbox = Uri.UnescapeDataString(value[7..].Split('?', 2)[0]);
            if (!IsMailbox(mailbox)) issues.Add(new(line, true, $"Contact '{Shorten(value)}' is not mailto: followed by one e-mail address (local@domain)."));
            return;
        }
        if (name == "contact" && value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Telephone().IsMatch(value[4..])) issues.Add(new(line, true, $"Contact '{Shorten(value)}' is not tel: followed by a telephone number (RFC 3966, e.g. tel:+1-201-555-0123)."));
            return;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            issues.Add(new(line, true, $"{Title(name)} '{Shorten(value)}' is not an absolute URI."));
            return;
        }
        if (uri.Scheme == "http" || (HttpsOnly.Contains(name) && uri.Scheme != "https"))
            issues.Add(new(line, true, $"{Title(name)} must be an https URI, not '{Shorten(value)}'."));
        else if (name == "contact" && uri.Scheme is not ("https" or "mailto" or "tel"))
            issues.Add(new(line, true, $"Contact '{Shorten(value)}' must be a mailto:, tel: or https: URI."));
    }

    private static (int First, int Last) Unwrap(string[] lines, List<SecurityTxtIssue> issues)
    {
        if (lines.Length == 0 || lines[0] != "-----BEGIN PGP SIGNED MESSAGE-----") return (0, lines.Length);
        var body = Array.IndexOf(lines, "", 1) + 1;
        var signature = Array.IndexOf(lines, "-----BEGIN PGP SIGNATURE-----");
        if (body <= 0 || signature < 0)
        {
            issues.Add(new(1, true, "The OpenPGP cleartext signature is incomplete."));
            return (0, 0);
        }
        issues.Add(new(0, false, "The file is signed; the signature was not verified here."));
        return (body, signature);
    }

    /// <summary>Whether a text is one e-mail address (local@domain, a dotted domain of letters, digits and hyphens).</summary>
    public static bool IsMailbox(string text) => Mailbox().IsMatch(text ?? "");

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Shorten(string text) => Excerpt.Clip(text, 80);

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Mailbox();

    [GeneratedRegex(@"^\+[0-9][0-9().-]*[0-9]$|^[0-9][0-9().-]*[0-9];phone-context=[A-Za-z0-9+.-]+$")]
    private static partial Regex Telephone();

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
