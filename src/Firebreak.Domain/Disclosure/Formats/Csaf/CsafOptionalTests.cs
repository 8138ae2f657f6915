using System.Text.Json;
using static Firebreak.Domain.Disclosure.Formats.CsafJsonWalk;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF 2.0's optional (6.2) and informative (6.3) tests that can be decided offline, as warnings: 6.2.1 unused product
/// ids, 6.2.2 affected products without a remediation, 6.2.3 without a score, 6.2.4 build metadata in the revision
/// history, 6.2.5 and 6.2.6 release dates older than the history, 6.2.7 involvements without a date, 6.2.8 and 6.2.9
/// MD5 or SHA-1 as the only hash, 6.2.10 no TLP label, 6.2.11 no self reference, 6.2.12 no language, 6.2.14 a private
/// language, 6.2.15 the default language, 6.2.16 a product without an identification helper, 6.2.17 a CVE among ids,
/// 6.2.18 a version range that is not vers, 6.2.19 CVSS for fixed products; 6.3.1 CVSS v2 only, 6.3.2 CVSS v3.0, 6.3.3
/// no CVE, 6.3.4 no CWE, 6.3.5 short hashes, 6.3.10 product_version_range, 6.3.11 'v' before a version.
/// </summary>
internal static class CsafOptionalTests
{
    private static readonly string[] Affected = ["first_affected", "known_affected", "last_affected"];
    private static readonly string[] Fixed = ["fixed", "first_fixed"];

    public static void Check(JsonElement root, JsonShape shape, IReadOnlySet<string> referenced)
    {
        var document = root.GetProperty("document");
        var tracking = document.GetProperty("tracking");
        foreach (var (product, path) in Products(root))
        {
            if (Text(product, "product_id") is { } id && !referenced.Contains(id)) shape.Warn(path + ".product_id", $"product '{id}' is defined but never referenced (6.2.1).");
            if (Member(product, "product_identification_helper") is not { ValueKind: JsonValueKind.Object } helper)
            {
                shape.Warn(path, "the product has no product_identification_helper (6.2.16).");
                continue;
            }
            foreach (var (hashes, hp) in Items(helper, "hashes", path + ".product_identification_helper"))
            {
                var algorithms = Items(hashes, "file_hashes", hp).Select(h => Text(h.Item, "algorithm")?.ToLowerInvariant()).ToList();
                if (algorithms.All(a => a == "md5")) shape.Warn(hp, "MD5 is the only hash algorithm (6.2.8).");
                if (algorithms.All(a => a is "sha1" or "sha-1")) shape.Warn(hp, "SHA-1 is the only hash algorithm (6.2.9).");
                foreach (var (hash, fp) in Items(hashes, "file_hashes", hp))
                    if (Text(hash, "value") is { Length: < 64 } value) shape.Warn(fp + ".value", $"a {value.Length * 4}-bit hash is short (6.3.5).");
            }
        }
        foreach (var (revision, rp) in Items(tracking, "revision_history", "$.document.tracking"))
            if (Text(revision, "number") is { } number && number.Contains('+', StringComparison.Ordinal)) shape.Warn(rp + ".number", "revision numbers carry no build metadata (6.2.4).");
        var dates = Items(tracking, "revision_history", "$.document.tracking").Select(r => Date(Text(r.Item, "date"))).OfType<DateTimeOffset>().ToList();
        if (dates.Count > 0)
        {
            if (Date(Text(tracking, "initial_release_date")) is { } initial && initial < dates.Min()) shape.Warn("$.document.tracking.initial_release_date", "older than the oldest revision (6.2.5).");
            if (Date(Text(tracking, "current_release_date")) is { } current && current < dates.Max()) shape.Warn("$.document.tracking.current_release_date", "older than the newest revision (6.2.6).");
        }
        if (Member(document, "distribution") is not { } distribution || Member(distribution, "tlp") is not { } tlp || Text(tlp, "label") is null)
            shape.Warn("$.document.distribution", "no TLP label (6.2.10).");
        if (!Items(document, "references", "$.document").Any(r => Text(r.Item, "category") == "self"))
            shape.Warn("$.document.references", "no reference of category self (the document's canonical URL) (6.2.11).");
        var lang = Text(document, "lang");
        if (lang is null) shape.Warn("$.document", "no lang (6.2.12).");
        foreach (var (member, value) in new[] { ("lang", lang), ("source_lang", Text(document, "source_lang")) })
        {
            if (value is null) continue;
            if (value.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || value.Contains("-x-", StringComparison.OrdinalIgnoreCase) || value.StartsWith("qaa", StringComparison.OrdinalIgnoreCase))
                shape.Warn("$.document." + member, $"'{value}' is a private-use language (6.2.14).");
            if (string.Equals(value, "i-default", StringComparison.OrdinalIgnoreCase)) shape.Warn("$.document." + member, "i-default is not a language (6.2.15).");
        }
        Vulnerabilities(root, shape);
        foreach (var (branch, path) in Branches(root))
        {
            var category = Text(branch, "category");
            var name = Text(branch, "name") ?? "";
            if (category == "product_version_range")
            {
                shape.Warn(path, "a product_version_range; prefer product_version (6.3.10).");
                if (!name.StartsWith("vers:", StringComparison.Ordinal)) shape.Warn(path + ".name", $"'{name}' is not a vers range (6.2.18).");
            }
            if (category is "product_version" or "product_version_range" && name.Length > 1 && name[0] is 'v' or 'V' && char.IsAsciiDigit(name[1]))
                shape.Warn(path + ".name", $"'{name}' starts with a 'v' before the version (6.3.11).");
        }
    }

    private static void Vulnerabilities(JsonElement root, JsonShape shape)
    {
        foreach (var (v, vp) in CsafJsonWalk.Vulnerabilities(root))
        {
            var status = Member(v, "product_status");
            var affected = Affected.SelectMany(s => status is { ValueKind: JsonValueKind.Object } st ? Strings(st, s, vp + ".product_status") : []).ToList();
            var remediated = Items(v, "remediations", vp).SelectMany(r => Strings(r.Item, "product_ids", r.Path).Select(p => p.Value)).ToHashSet(StringComparer.Ordinal);
            var scored = Items(v, "scores", vp).SelectMany(s => Strings(s.Item, "products", s.Path).Select(p => p.Value)).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, path) in affected)
            {
                if (!remediated.Contains(id)) shape.Warn(path, $"affected product '{id}' has no remediation (6.2.2).");
                if (!scored.Contains(id)) shape.Warn(path, $"affected product '{id}' has no score (6.2.3).");
            }
            var fixedIds = Fixed.SelectMany(s => status is { ValueKind: JsonValueKind.Object } st ? Strings(st, s, vp) : []).Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var (score, sp) in Items(v, "scores", vp))
            {
                foreach (var (id, pp) in Strings(score, "products", sp).Where(p => fixedIds.Contains(p.Value))) shape.Warn(pp, $"fixed product '{id}' has a CVSS score (6.2.19).");
                if (Member(score, "cvss_v3") is { } v3 && Text(v3, "version") == "3.0") shape.Warn(sp + ".cvss_v3", "CVSS v3.0; prefer v3.1 (6.3.2).");
            }
            var scores = Items(v, "scores", vp).ToList();
            if (scores.Count > 0 && scores.All(s => Member(s.Item, "cvss_v3") is null)) shape.Warn(vp + ".scores", "CVSS v2 is the only scoring system (6.3.1).");
            foreach (var (involvement, ip) in Items(v, "involvements", vp))
                if (Text(involvement, "date") is null) shape.Warn(ip, "an involvement without a date (6.2.7).");
            foreach (var (id, ip) in Items(v, "ids", vp))
                if (Text(id, "text") is { } text && Disclosure.AdvisoryIdentifiers.IsCve(text)) shape.Warn(ip, $"{text} belongs in cve, not ids (6.2.17).");
            if (Text(v, "cve") is null) shape.Warn(vp, "no CVE (6.3.3).");
            if (Member(v, "cwe") is null) shape.Warn(vp, "no CWE (6.3.4).");
        }
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
