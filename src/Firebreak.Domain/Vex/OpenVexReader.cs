using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Vex;

/// <summary>
/// Reads OpenVEX 0.2.0 JSON. Everything the schema requires is checked, plus the spec's rules on
/// not_affected and affected statements; the first problem throws <see cref="VexFormatException"/> with its
/// JSON path. Unknown properties are ignored so that later 0.x additions do not break a scan.
/// </summary>
public static partial class OpenVexReader
{
    /// <summary>Reads one document.</summary>
    public static VexDocument Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return new Cursor(source).Document(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new VexFormatException(source, e.Path ?? "$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {e.Message.Split(" Path:")[0]}");
        }
    }

    // RFC 3339 date-time, as the schema's "format": "date-time" demands: an offset or Z is mandatory.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    private sealed class Cursor(string source)
    {
        public VexDocument Document(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "$", "an OpenVEX document (an object)");
            var context = Required(root, "@context", "$");
            if (!context.StartsWith("https://openvex.dev/ns", StringComparison.Ordinal))
                throw Error("$.@context", $"'{context}' is not an OpenVEX context (expected {VexDocument.Context}).");
            var id = Required(root, "@id", "$");
            var author = Required(root, "author", "$");
            var timestamp = Time(root, "timestamp", "$") ?? throw Error("$.timestamp", "required.");
            var issued = Time(root, "last_updated", "$") ?? timestamp;
            if (!root.TryGetProperty("version", out var v)) throw Error("$.version", "required.");
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version < 1) throw Error("$.version", "expected an integer of at least 1.");
            var statements = List(root, "statements", "$");
            if (statements.Count == 0) throw Error("$.statements", "required, with at least one statement.");
            return new VexDocument(id, author, timestamp, version, [.. statements.Select((s, i) => Statement(s, $"$.statements[{i}]", issued))],
                Optional(root, "role", "$"), Optional(root, "tooling", "$"));
        }

        private VexStatement Statement(JsonElement s, string path, DateTimeOffset inherited)
        {
            Expect(s, JsonValueKind.Object, path, "a statement (an object)");
            if (!s.TryGetProperty("vulnerability", out var vulnerability)) throw Error(path + ".vulnerability", "required.");
            Expect(vulnerability, JsonValueKind.Object, path + ".vulnerability", "an object with a name");
            var name = Required(vulnerability, "name", path + ".vulnerability");
            var aliases = Strings(vulnerability, "aliases", path + ".vulnerability");
            var products = List(s, "products", path).Select((p, i) => Product(p, $"{path}.products[{i}]")).ToList();
            var statusText = Required(s, "status", path);
            if (!VexTerms.TryParseStatus(statusText, out var status)) throw Error(path + ".status", $"'{statusText}' is not one of {VexTerms.StatusList}.");
            VexJustification? justification = null;
            if (Optional(s, "justification", path) is { } justificationText)
            {
                if (!VexTerms.TryParseJustification(justificationText, out var j))
                    throw Error(path + ".justification", $"'{justificationText}' is not one of {VexTerms.JustificationList}.");
                justification = j;
            }
            var impact = Optional(s, "impact_statement", path);
            var action = Optional(s, "action_statement", path);
            if (status == VexStatus.NotAffected && justification is null && string.IsNullOrWhiteSpace(impact))
                throw Error(path, "a not_affected statement must give a justification or an impact_statement.");
            if (status == VexStatus.Affected && string.IsNullOrWhiteSpace(action))
                throw Error(path + ".action_statement", "an affected statement must give an action_statement.");
            var time = Time(s, "last_updated", path) ?? Time(s, "timestamp", path) ?? inherited;
            return new VexStatement(name, aliases, products, status, time, justification, impact, action);
        }

        private VexProduct Product(JsonElement p, string path)
        {
            var id = ComponentId(p, path);
            var subcomponents = List(p, "subcomponents", path).Select((c, i) => ComponentId(c, $"{path}.subcomponents[{i}]")).ToList();
            return new VexProduct(id, subcomponents);
        }

        // A component is named by @id or, failing that, by identifiers.purl/cpe23/cpe22 (the schema's anyOf).
        private string ComponentId(JsonElement c, string path)
        {
            Expect(c, JsonValueKind.Object, path, "a component (an object)");
            if (Optional(c, "@id", path) is { Length: > 0 } id) return id;
            if (c.TryGetProperty("identifiers", out var identifiers) && identifiers.ValueKind == JsonValueKind.Object)
            {
                var known = Optional(identifiers, "purl", path + ".identifiers") ?? Optional(identifiers, "cpe23", path + ".identifiers")
                    ?? Optional(identifiers, "cpe22", path + ".identifiers");
                if (known is { Length: > 0 }) return known;
            }
            throw Error(path, "a component needs an @id or identifiers (purl, cpe23 or cpe22).");
        }

        private DateTimeOffset? Time(JsonElement e, string name, string path)
        {
            if (Optional(e, name, path) is not { } text) return null;
            if (!Rfc3339().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                throw Error($"{path}.{name}", $"'{text}' is not an RFC 3339 date-time with an offset.");
            return value;
        }

        private string Required(JsonElement e, string name, string path) =>
            Optional(e, name, path) is { Length: > 0 } value ? value : throw Error($"{path}.{name}", "required (a non-empty string).");

        private string? Optional(JsonElement e, string name, string path) =>
            !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw Error($"{path}.{name}", "expected a string.");

        private List<string> Strings(JsonElement e, string name, string path) =>
            [.. List(e, name, path).Select((item, i) => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Error($"{path}.{name}[{i}]", "expected a string."))];

        private List<JsonElement> List(JsonElement e, string name, string path) =>
            !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? []
            : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()]
            : throw Error($"{path}.{name}", "expected a list.");

        private void Expect(JsonElement e, JsonValueKind kind, string path, string what)
        {
            if (e.ValueKind != kind) throw Error(path, $"expected {what}.");
        }

        private VexFormatException Error(string path, string message) => new(source, path, message);
    }
}
