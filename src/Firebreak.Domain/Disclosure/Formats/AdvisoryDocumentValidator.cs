using System.Text.Json;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Recognises a document's format from its telltale members and checks it offline with the schema-free
/// validator of that format. Never throws on input: unreadable JSON is an issue at <c>$</c>.
/// </summary>
public static class AdvisoryDocumentValidator
{
    /// <summary>The format detected and every problem found.</summary>
    public static (AdvisoryFormat Format, IReadOnlyList<AdvisoryIssue> Issues) Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return (AdvisoryFormat.Unknown, [new AdvisoryIssue("$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0]}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            var format = Detect(root);
            IReadOnlyList<AdvisoryIssue> issues = format switch
            {
                AdvisoryFormat.Csaf => CsafValidator.Validate(root),
                AdvisoryFormat.Osv => OsvValidator.Validate(root),
                AdvisoryFormat.CveRecord or AdvisoryFormat.CveCnaContainer => CveValidator.Validate(root),
                AdvisoryFormat.OpenVex => OpenVex(json),
                AdvisoryFormat.Unknown => [new AdvisoryIssue("$", "not an OSV record, CVE 5 record or CNA container, CSAF 2.0 document or OpenVEX document.")],
            };
            return (format, issues);
        }
    }

    /// <summary>The format the document's members announce.</summary>
    public static AdvisoryFormat Detect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return AdvisoryFormat.Unknown;
        if (root.TryGetProperty("document", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("csaf_version", out _)) return AdvisoryFormat.Csaf;
        if (root.TryGetProperty("@context", out var c) && c.ValueKind == JsonValueKind.String && c.GetString()!.Contains("openvex", StringComparison.OrdinalIgnoreCase)) return AdvisoryFormat.OpenVex;
        if (root.TryGetProperty("dataType", out _) || root.TryGetProperty("cveMetadata", out _)) return AdvisoryFormat.CveRecord;
        if (root.TryGetProperty("cnaContainer", out _) || (root.TryGetProperty("providerMetadata", out _) && root.TryGetProperty("affected", out _))) return AdvisoryFormat.CveCnaContainer;
        if (root.TryGetProperty("id", out _) && (root.TryGetProperty("modified", out _) || root.TryGetProperty("schema_version", out _))) return AdvisoryFormat.Osv;
        return AdvisoryFormat.Unknown;
    }

    private static IReadOnlyList<AdvisoryIssue> OpenVex(string json)
    {
        try
        {
            OpenVexReader.Read(json, "document");
            return [];
        }
        catch (VexFormatException e)
        {
            // The reader's message is "<source>: <path>: <what>"; the path is reported on its own.
            return [new AdvisoryIssue(e.JsonPath, e.Message[$"document: {e.JsonPath}: ".Length..])];
        }
    }
}
