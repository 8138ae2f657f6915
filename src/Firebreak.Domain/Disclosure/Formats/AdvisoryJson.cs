using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>What every JSON exporter shares: how documents are printed and how instants are written.</summary>
internal static class AdvisoryJson
{
    // Relaxed escaping keeps names such as "Bundesamt für Sicherheit" readable; the output is a file, never HTML.
    private static readonly JsonSerializerOptions Printing = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node as indented JSON, ending in a newline.</summary>
    public static string Print(JsonNode node) => node.ToJsonString(Printing) + "\n";

    /// <summary>An RFC 3339 UTC timestamp with a Z (OSV's required form; CSAF and CVE accept it too).</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> items) => [.. items.Select(s => (JsonNode)JsonValue.Create(s))];

    /// <summary>A JSON array of nodes.</summary>
    public static JsonArray Array(IEnumerable<JsonNode> items) => [.. items];
}
