using System.Text.RegularExpressions;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// Takes capability links out of a sent message's stored copy. A link that carries a bearer secret (a
/// reporter's portal link, a confirmation link: 43 base64url characters, see <c>Secrets.New</c>) grants
/// access to whoever holds it; once the mail is out the outbox keeps only a copy for the record, and
/// that copy must not grant anything. A bare secret outside a link is removed too.
/// </summary>
internal static partial class CapabilityLinks
{
    public const string Removed = "[link removed after sending]";

    /// <summary>Purposes whose messages are records that hold no secret: the audit checkpoint (its purpose, <c>TakeCheckpoint.MailPurpose</c>).</summary>
    private static readonly HashSet<string> RecordsOnly = new(StringComparer.Ordinal) { "audit-checkpoint" };

    /// <summary>Whether a message of this purpose is kept as sent (it can hold no capability).</summary>
    public static bool CarriesNone(string purpose) => RecordsOnly.Contains(purpose);

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BareSecret().Replace(LinkWithSecret().Replace(text, Removed), Removed);
    }

    // A URL (up to whitespace, quotes or angle brackets) that contains a secret somewhere in it.
    [GeneratedRegex(@"https?://[^\s""'<>]*(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])[^\s""'<>]*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LinkWithSecret();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BareSecret();
}
