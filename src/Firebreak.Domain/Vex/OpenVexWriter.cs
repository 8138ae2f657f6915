using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Firebreak.Domain.Vex;

/// <summary>Writes a <see cref="VexDocument"/> as OpenVEX 0.2.0 JSON that the official schema accepts.</summary>
public static class OpenVexWriter
{
    /// <summary>The document as indented JSON. Every statement carries its own timestamp, so nothing depends on inheritance.</summary>
    public static string Write(VexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("@context", VexDocument.Context);
            json.WriteString("@id", document.Id);
            json.WriteString("author", document.Author);
            if (document.Role is { } role) json.WriteString("role", role);
            json.WriteString("timestamp", Time(document.Timestamp));
            json.WriteNumber("version", document.Version);
            if (document.Tooling is { } tooling) json.WriteString("tooling", tooling);
            json.WriteStartArray("statements");
            foreach (var statement in document.Statements) WriteStatement(json, statement);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter json, VexStatement statement)
    {
        json.WriteStartObject();
        json.WriteStartObject("vulnerability");
        json.WriteString("name", statement.Vulnerability);
        // The schema wants unique aliases; a repeated alias says nothing more.
        var aliases = statement.Aliases.Distinct(StringComparer.Ordinal).ToList();
        if (aliases.Count > 0)
        {
            json.WriteStartArray("aliases");
            foreach (var alias in aliases) json.WriteStringValue(alias);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteString("timestamp", Time(statement.Timestamp));
        json.WriteStartArray("products");
        foreach (var product in statement.Products.Distinct())
        {
            json.WriteStartObject();
            json.WriteString("@id", product.Id);
            if (product.Subcomponents.Count > 0)
            {
                json.WriteStartArray("subcomponents");
                foreach (var id in product.Subcomponents.Distinct(StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("@id", id);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("status", VexTerms.ToText(statement.Status));
        if (statement.Justification is { } justification) json.WriteString("justification", VexTerms.ToText(justification));
        if (statement.ImpactStatement is { } impact) json.WriteString("impact_statement", impact);
        if (statement.ActionStatement is { } action) json.WriteString("action_statement", action);
        json.WriteEndObject();
    }

    private static string Time(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
