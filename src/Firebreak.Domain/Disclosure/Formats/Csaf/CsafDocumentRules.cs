using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Firebreak.Domain.Disclosure.Formats.CsafJsonWalk;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF 2.0 mandatory tests about the document and its vulnerabilities' ids: 6.1.11 CWE (exists in CWE 4.14, with its
/// name), 6.1.12 language tags, 6.1.15 a translator's source language, 6.1.23 one CVE per vulnerability, 6.1.24 repeated
/// involvements, 6.1.26 a category that imitates a profile's name, 6.1.28 a translation into its own language.
/// </summary>
internal static partial class CsafDocumentRules
{
    private static readonly string[] Profiles = ["csaf_base", "csaf_security_incident_response", "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex"];

    public static void Check(JsonElement root, JsonShape shape)
    {
        var document = root.GetProperty("document");
        var lang = Text(document, "lang");
        var source = Text(document, "source_lang");
        foreach (var (member, value) in new[] { ("lang", lang), ("source_lang", source) })
            if (value is not null && !IsLanguage(value)) shape.Add("$.document." + member, $"'{value}' is not a valid, existing language tag (6.1.12).");
        if (Member(document, "publisher") is { } publisher && Text(publisher, "category") == "translator" && source is null)
            shape.Add("$.document.source_lang", "a translator's document states the language it was translated from (6.1.15).");
        if (lang is not null && source is not null && string.Equals(lang, source, StringComparison.OrdinalIgnoreCase))
            shape.Add("$.document.source_lang", $"the document is a translation into '{lang}' from the same language (6.1.28).");
        if (Text(document, "category") is { } category && !Profiles.Contains(category))
        {
            var bare = new string([.. category.ToLowerInvariant().Where(c => c is not ('_' or '-') && !char.IsWhiteSpace(c))]);
            if (Profiles.Skip(1).Any(p => bare == p["csaf_".Length..].Replace("_", "", StringComparison.Ordinal)) || bare.StartsWith("csaf", StringComparison.Ordinal))
                shape.Add("$.document.category", $"'{category}' imitates the name of a CSAF profile; use the profile's exact name or another category (6.1.26).");
        }
        var cves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (v, vp) in Vulnerabilities(root))
        {
            if (Text(v, "cve") is { } cve && !cves.TryAdd(cve, vp)) shape.Add(vp + ".cve", $"{cve} is already the CVE of {cves[cve]} (6.1.23).");
            if (Member(v, "cwe") is { ValueKind: JsonValueKind.Object } cwe && Text(cwe, "id") is { } id)
            {
                var name = CweCatalog.NameOf(id);
                if (name is null) shape.Add(vp + ".cwe.id", $"{id} is not a weakness of CWE {CweCatalog.Version} (6.1.11).");
                else if (Text(cwe, "name") is { } given && given != name) shape.Add(vp + ".cwe.name", $"'{given}' is not {id}'s name in CWE {CweCatalog.Version}: '{name}' (6.1.11).");
            }
            var involvements = new HashSet<(string?, string?)>();
            foreach (var (involvement, ip) in Items(v, "involvements", vp))
                if (!involvements.Add((Text(involvement, "party"), Text(involvement, "date")))) shape.Add(ip, "the same party and date are already an involvement of this vulnerability (6.1.24).");
        }
    }

    /// <summary>A BCP 47 tag of the schema's grammar whose language is one the platform's CLDR data knows (or a private/default tag).</summary>
    internal static bool IsLanguage(string tag)
    {
        if (!LanguagePattern().IsMatch(tag)) return false;
        if (tag.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("i-", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return culture.TwoLetterISOLanguageName.Length > 0 && !culture.EnglishName.StartsWith("Unknown", StringComparison.OrdinalIgnoreCase);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(([A-Za-z]{2,3}(-[A-Za-z]{3}(-[A-Za-z]{3}){0,2})?|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?|[Xx](-[A-Za-z0-9]{1,8})+|[Ii]-[Dd][Ee][Ff][Aa][Uu][Ll][Tt]|[Ii]-[Mm][Ii][Nn][Gg][Oo])$")]
    private static partial Regex LanguagePattern();
}
