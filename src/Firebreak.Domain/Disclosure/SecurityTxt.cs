using System.Globalization;
using System.Text;

namespace Firebreak.Domain.Disclosure;

/// <summary>A problem found in a security.txt file: 1-based line (0 for the file as a whole) and whether it breaks RFC 9116.</summary>
/// <param name="Line">1-based line, or 0 for the whole file.</param>
/// <param name="IsError">True when RFC 9116 is broken; false for advice (a SHOULD).</param>
/// <param name="Message">What is wrong.</param>
public sealed record SecurityTxtIssue(int Line, bool IsError, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Line > 0 ? $"line {Line}: " : "")}{(IsError ? "error" : "warning")}: {Message}";
}

/// <summary>
/// An RFC 9116 security.txt: the fields a project publishes so researchers know where and how to
/// report. <see cref="Format"/> writes one; <see cref="SecurityTxtValidator"/> checks any file.
/// </summary>
/// <param name="Contacts">Where to report (mailto:, tel: or https: URIs); at least one.</param>
/// <param name="Expires">When the file stops being valid (UTC); RFC 9116 advises less than a year ahead.</param>
/// <param name="Policy">The vulnerability disclosure policy.</param>
/// <param name="Acknowledgments">The page thanking reporters.</param>
/// <param name="PreferredLanguages">RFC 5646 language tags.</param>
/// <param name="Canonical">The URIs where this file is meant to be found.</param>
/// <param name="Encryption">Where the key for encrypted reports is.</param>
/// <param name="Csaf">A CSAF provider-metadata.json.</param>
public sealed record SecurityTxt(
    IReadOnlyList<Uri> Contacts, DateTimeOffset Expires, Uri? Policy = null, Uri? Acknowledgments = null,
    IReadOnlyList<string>? PreferredLanguages = null, IReadOnlyList<Uri>? Canonical = null, Uri? Encryption = null, Uri? Csaf = null)
{
    /// <summary>The file's text, fields in RFC 9116's order of presentation, LF line ends.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append("# Security contact information for this project (RFC 9116).\n");
        foreach (var contact in Contacts) Field(text, "Contact", contact);
        text.Append("Expires: ").Append(Expires.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append('\n');
        Field(text, "Encryption", Encryption);
        Field(text, "Acknowledgments", Acknowledgments);
        if (PreferredLanguages is { Count: > 0 } languages) text.Append("Preferred-Languages: ").Append(string.Join(", ", languages)).Append('\n');
        foreach (var canonical in Canonical ?? []) Field(text, "Canonical", canonical);
        Field(text, "Policy", Policy);
        Field(text, "CSAF", Csaf);
        return text.ToString();
    }

    /// <summary>
    /// A project's security contact as a security.txt Contact URI, written as given: an e-mail address becomes
    /// <c>mailto:</c> and an https URL stays itself; anything else (an http URL, which RFC 9116 does not allow for web
    /// contacts) has no Contact line and gives null.
    /// </summary>
    public static Uri? ContactUri(string contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        contact = contact.Trim();
        if (contact.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return Uri.TryCreate(contact, UriKind.Absolute, out var web) ? web : null;
        if (contact.Contains("://", StringComparison.Ordinal) || contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return null;
        return SecurityTxtValidator.IsMailbox(contact) ? new Uri("mailto:" + contact) : null;
    }

    private static void Field(StringBuilder text, string name, Uri? value)
    {
        if (value is not null) text.Append(name).Append(": ").Append(value.AbsoluteUri).Append('\n');
    }
}
