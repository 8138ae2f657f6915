using System.Globalization;
using System.Text.Json;
using System.Text;

namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// Looks at an upload's bytes to decide what it is, and makes the name the client sent safe to
/// show and to put in a download header. Nothing here trusts the client's name or Content-Type.
/// </summary>
internal static class AttachmentContent
{
    /// <summary>The longest file name kept, in UTF-16 code units (the extension is kept when shortening).</summary>
    public const int MaxNameLength = 100;

    public const string Accepted = "plain text, JSON, PNG, JPEG, GIF, PDF or ZIP";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The type the content is, or null with the reason it is refused.</summary>
    public static AttachmentType? Detect(ReadOnlySpan<byte> content, out string refusal)
    {
        refusal = "";
        if (content.IsEmpty)
        {
            refusal = "is empty";
            return null;
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return AttachmentType.Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return AttachmentType.Jpeg;
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return AttachmentType.Gif;
        if (content.StartsWith("%PDF-"u8)) return AttachmentType.Pdf;
        if (content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8)) return AttachmentType.Zip;
        return DetectText(content, out refusal);
    }

    private static AttachmentType? DetectText(ReadOnlySpan<byte> content, out string refusal)
    {
        refusal = "";
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            refusal = $"is binary content of a type that is not accepted (accepted: {Accepted})";
            return null;
        }
        // Tab, line breaks, form feed and ESC (colour codes in logs) are text; any other control character is not.
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\u001b')))
        {
            refusal = $"is binary content of a type that is not accepted (accepted: {Accepted})";
            return null;
        }
        var body = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        // Markup is refused by how it starts: '<' then a letter, '!' or '?' (HTML, SVG, XML). A log
        // line such as syslog's "<13>" starts with a digit and stays text.
        if (body.Length > 1 && body[0] == '<' && (char.IsAsciiLetter(body[1]) || body[1] is '!' or '?'))
        {
            refusal = "is HTML, SVG or XML markup, which is not accepted (send it as a ZIP, or paste it into the description)";
            return null;
        }
        if (body.Length > 0 && body[0] is '{' or '[' && IsJson(body)) return AttachmentType.Json;
        return AttachmentType.Text;
    }

    private static bool IsJson(ReadOnlySpan<char> text)
    {
        try
        {
            using var document = JsonDocument.Parse(text.ToString(), new JsonDocumentOptions { MaxDepth = 256 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name without any directory part, control or formatting characters (including
    /// bidirectional overrides), characters that are special in file systems or headers, or
    /// leading and trailing dots and spaces; at most <see cref="MaxNameLength"/> long.
    /// "attachment" when nothing is left.
    /// </summary>
    public static string SafeName(string? name)
    {
        name ??= "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            if (rune.Value is '"' or '<' or '>' or ':' or '|' or '?' or '*' or ';' or '%') kept.Append('_');
            else if (Rune.IsWhiteSpace(rune)) kept.Append(' ');
            else kept.Append(rune.ToString());
        }
        var safe = kept.ToString().Trim(' ', '.');
        if (safe.Length == 0) return "attachment";
        if (safe.Length <= MaxNameLength) return safe;
        var extension = Path.GetExtension(safe);
        if (extension.Length > 16) extension = "";
        var cut = MaxNameLength - extension.Length;
        if (char.IsHighSurrogate(safe[cut - 1])) cut--;
        return safe[..cut].TrimEnd(' ', '.') + extension;
    }
}
