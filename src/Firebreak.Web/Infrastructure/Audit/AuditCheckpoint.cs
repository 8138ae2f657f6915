using Firebreak.Domain.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// A signed statement "at this instant the chains ended here": each chain's last position and
/// hash, the instant, and which key signed it. Kept outside the database (a file, a mail), it
/// anchors the chain: a copy that lost its tail, or an older copy, no longer holds that head.
/// The signature covers <see cref="SignedBytes"/>, the canonical encoding of every other field.
/// </summary>
internal sealed record AuditCheckpoint(DateTime At, string KeyId, IReadOnlyList<ChainHead> Chains, byte[] Signature)
{
    public const string Format = "firebreak-audit-checkpoint/1";

    public byte[] SignedBytes()
    {
        var encoding = CanonicalEncoding.Of(Format).Add(At).Add(KeyId).Add(Chains.Count);
        foreach (var chain in Chains) encoding.Add(chain.Name).Add(chain.Sequence).Add(chain.Hash);
        return encoding.ToArray();
    }

    public ChainHead? Chain(string name) => Chains.FirstOrDefault(c => c.Name == name);

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("at", CanonicalEncoding.Instant(At));
            json.WriteString("keyId", KeyId);
            json.WriteStartArray("chains");
            foreach (var chain in Chains)
            {
                json.WriteStartObject();
                json.WriteString("name", chain.Name);
                json.WriteNumber("sequence", chain.Sequence);
                json.WriteString("head", chain.Hash);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("signature", Convert.ToBase64String(Signature));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads a checkpoint from a file's text, or from a mail body that holds one (the object from the
    /// first <c>{</c> to the last <c>}</c>); the error says what is wrong, and where.
    /// </summary>
    public static bool TryParse(string text, out AuditCheckpoint? checkpoint, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        checkpoint = null;
        var (start, end) = (text.IndexOf('{', StringComparison.Ordinal), text.LastIndexOf('}'));
        try
        {
            if (start < 0 || end < start) throw new FormatException("it holds no JSON object");
            using var document = JsonDocument.Parse(text[start..(end + 1)]);
            var root = document.RootElement;
            if (Text(root, "format") != Format) throw new FormatException($"$.format is not \"{Format}\"");
            if (!DateTime.TryParseExact(Text(root, "at"), "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                throw new FormatException("$.at is not an instant like 2026-12-07T10:00:00.0000000Z");
            var chains = new List<ChainHead>();
            if (!root.TryGetProperty("chains", out var list) || list.ValueKind != JsonValueKind.Array) throw new FormatException("$.chains is missing");
            foreach (var chain in list.EnumerateArray())
            {
                var path = $"$.chains[{chains.Count}]";
                if (!chain.TryGetProperty("sequence", out var sequence) || !sequence.TryGetInt64(out var position) || position < 0)
                    throw new FormatException($"{path}.sequence is not a position");
                var head = Text(chain, "head", path);
                if (head.Length != 64 || !head.All(char.IsAsciiHexDigitLower)) throw new FormatException($"{path}.head is not a SHA-256 in lower-case hex");
                chains.Add(new ChainHead(Text(chain, "name", path), position, head));
            }
            var signature = Convert.FromBase64String(Text(root, "signature"));
            checkpoint = new AuditCheckpoint(DateTime.SpecifyKind(at, DateTimeKind.Utc), Text(root, "keyId"), chains, signature);
            error = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            error = $"not a checkpoint: {e.Message}";
            return false;
        }
    }

    private static string Text(JsonElement element, string name, string path = "$") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : throw new FormatException($"{path}.{name} is missing or not a string");
}
