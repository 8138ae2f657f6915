using System.Text.Json;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>The parts of an imported CSAF document the model holds outside the vulnerabilities, and the credits and links both levels carry.</summary>
internal static class CsafDocumentFields
{
    public static AdvisoryPublisher Publisher(JsonElement document)
    {
        const string path = "$.document.publisher";
        var publisher = CsafJson.Object(document, "publisher", "$.document") ?? throw new CsafFormatException(path, "required.");
        var category = Enum.TryParse<PublisherCategory>(CsafJson.String(publisher, "category", path), ignoreCase: true, out var c) ? c : PublisherCategory.Other;
        return CsafJson.At(path, () => new AdvisoryPublisher(ImportedText.Line(CsafJson.String(publisher, "name", path), 200)!,
            CsafJson.String(publisher, "namespace", path)!, category));
    }

    /// <summary>The revision history, oldest first (CSAF requires that order but does not enforce it).</summary>
    public static IReadOnlyList<AdvisoryRevision> Revisions(JsonElement tracking, string path) =>
        CsafJson.At(path + ".revision_history", () => new List<AdvisoryRevision>([.. CsafJson.Array(tracking, "revision_history", path).Select(r => new AdvisoryRevision(
            CsafJson.String(r.Item, "number", r.Path) ?? "", CsafJson.Time(r.Item, "date", r.Path) ?? throw new CsafFormatException(r.Path + ".date", "required."),
            ImportedText.Block(CsafJson.String(r.Item, "summary", r.Path), 1000) ?? "")).OrderBy(r => r.Date)]));

    /// <summary>Acknowledgments: one credit per name (or the organisation when no names are given); none at all is an anonymous credit.</summary>
    public static IEnumerable<AdvisoryCredit> Credits(JsonElement holder, string path)
    {
        foreach (var (ack, ackPath) in CsafJson.Array(holder, "acknowledgments", path))
        {
            var type = CreditKind(CsafJson.String(ack, "summary", ackPath));
            var contact = CsafJson.Strings(ack, "urls", ackPath).FirstOrDefault(u => u.Length <= 320 && Uri.TryCreate(u, UriKind.Absolute, out _));
            var names = CsafJson.Strings(ack, "names", ackPath).Select(n => ImportedText.Line(n, 200)).OfType<string>().ToList();
            if (names.Count == 0 && ImportedText.Line(CsafJson.String(ack, "organization", ackPath), 200) is { } organization) names.Add(organization);
            if (names.Count == 0) yield return AdvisoryCredit.Anonymous(type);
            foreach (var name in names) yield return CsafJson.At(ackPath, () => AdvisoryCredit.Named(type, name, contact));
        }
    }

    /// <summary>http(s) references; "self" links are the advisory's own, the rest web pages (CSAF has no finer types).</summary>
    public static IEnumerable<AdvisoryReference> References(JsonElement holder, string path)
    {
        foreach (var (reference, refPath) in CsafJson.Array(holder, "references", path))
        {
            var url = CsafJson.String(reference, "url", refPath);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) continue;
            var type = CsafJson.String(reference, "category", refPath) == "self" ? AdvisoryReferenceType.Advisory : AdvisoryReferenceType.Web;
            yield return CsafJson.At(refPath, () => new AdvisoryReference(type, url!, ImportedText.Line(CsafJson.String(reference, "summary", refPath), 512)));
        }
    }

    // The exporter writes the role as the summary ("reporter", "anonymous remediation developer"); other summaries are "other".
    private static CreditType CreditKind(string? summary)
    {
        var text = summary?.Trim().ToLowerInvariant() ?? "";
        if (text.StartsWith("anonymous ", StringComparison.Ordinal)) text = text["anonymous ".Length..];
        foreach (var type in Enum.GetValues<CreditType>())
            if (type.ToWire().Replace('-', ' ') == text) return type;
        return CreditType.Other;
    }
}
