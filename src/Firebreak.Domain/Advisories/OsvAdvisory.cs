using System.Globalization;
using System.Text.Json;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>One <c>affected</c> entry of an OSV record.</summary>
/// <param name="EcosystemName">The OSV ecosystem as written (e.g. <c>PyPI</c>, <c>Debian:12</c>).</param>
/// <param name="Ecosystem">The ecosystem when Firebreak orders its versions; null otherwise.</param>
/// <param name="Package">The package name as OSV writes it (Maven: <c>group:artifact</c>).</param>
/// <param name="Ranges">Version ranges.</param>
/// <param name="Versions">Explicitly listed affected versions.</param>
public sealed record OsvAffected(string EcosystemName, Ecosystem? Ecosystem, string Package, IReadOnlyList<AffectedRange> Ranges, IReadOnlyList<string> Versions);

/// <summary>An OSV vulnerability record (schema 1.x): what Firebreak keeps of it for matching.</summary>
/// <param name="Id">The record's id (GHSA-…, GO-…, PYSEC-…).</param>
/// <param name="Aliases">Other ids of the same vulnerability (CVE, GHSA).</param>
/// <param name="Summary">One-line summary.</param>
/// <param name="Withdrawn">Set when withdrawn: it never matches.</param>
/// <param name="Severity">CVSS vectors given in <c>severity</c>.</param>
/// <param name="Affected">Affected packages.</param>
/// <param name="References">Reference URLs, ADVISORY ones first, then in record order.</param>
/// <param name="DatabaseSeverity">The database's own rating (<c>database_specific.severity</c>, e.g. GitHub's <c>HIGH</c>), if any.</param>
/// <param name="Modified">When the record last changed (<c>modified</c>, UTC), when given and readable; an index keeps the newer copy of an id.</param>
public sealed record OsvAdvisory(string Id, IReadOnlyList<string> Aliases, string Summary, bool Withdrawn,
    IReadOnlyList<string> Severity, IReadOnlyList<OsvAffected> Affected, IReadOnlyList<string>? References = null, string? DatabaseSeverity = null,
    DateTimeOffset? Modified = null)
{
    /// <summary>
    /// Reads a file holding one record, a JSON array of records, or an object with a <c>vulns</c> array;
    /// throws <see cref="AdvisoryFormatException"/> naming the JSON path of the first problem.
    /// </summary>
    public static IReadOnlyList<OsvAdvisory> ReadAll(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return ReadRoot(document.RootElement, source, new StringPool());
        }
        catch (JsonException e)
        {
            throw NotJson(e, source);
        }
    }

    /// <summary>
    /// <see cref="ReadAll(string, string)"/> over UTF-8 bytes. A top-level JSON array is read one element at a
    /// time, so memory holds the records but never the whole document (a 97 MB array of 200,000 records);
    /// repeated strings (ecosystems, names, versions, vectors) are kept once.
    /// </summary>
    public static IReadOnlyList<OsvAdvisory> ReadAll(Stream utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var pool = new StringPool();
        try
        {
            if (!utf8Json.CanSeek || FirstByte(utf8Json) != (byte)'[')
            {
                using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
                return ReadRoot(document.RootElement, source, pool);
            }
            var records = new List<OsvAdvisory>();
            var options = new JsonSerializerOptions { MaxDepth = DocumentOptions.MaxDepth };
            foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(utf8Json, options).ToBlockingEnumerable())
                records.Add(Read(element, $"$[{records.Count}]", source, pool));
            return records;
        }
        catch (JsonException e)
        {
            throw NotJson(e, source);
        }
    }

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    private static IReadOnlyList<OsvAdvisory> ReadRoot(JsonElement root, string source, StringPool pool)
    {
        if (root.ValueKind == JsonValueKind.Array) return [.. root.EnumerateArray().Select((e, i) => Read(e, $"$[{i}]", source, pool))];
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("vulns", out var vulns) && vulns.ValueKind == JsonValueKind.Array)
            return [.. vulns.EnumerateArray().Select((e, i) => Read(e, $"$.vulns[{i}]", source, pool))];
        return [Read(root, "$", source, pool)];
    }

    /// <summary>The first byte after a UTF-8 byte order mark and white space; the stream is left where it was.</summary>
    private static int FirstByte(Stream stream)
    {
        var start = stream.Position;
        var first = -1;
        for (var b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
        {
            if (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) continue;
            first = b;
            break;
        }
        stream.Position = start;
        return first;
    }

    private static AdvisoryFormatException NotJson(JsonException e, string source) =>
        new(source, (int)(e.LineNumber ?? -1) + 1, $"Not valid JSON at {e.Path}: {e.Message.Split(" Path:")[0]}");

    private static OsvAdvisory Read(JsonElement e, string path, string source, StringPool pool)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new AdvisoryFormatException(source, 0, $"{path}: expected an OSV record (an object).");
        var id = Str(e, "id", path, source) ?? throw new AdvisoryFormatException(source, 0, $"{path}.id: required.");
        var affected = Array(e, "affected", path, source).Select((a, i) => ReadAffected(a, $"{path}.affected[{i}]", source, pool)).ToList();
        var severity = Array(e, "severity", path, source).Select((s, i) => pool.Intern(Str(s, "score", $"{path}.severity[{i}]", source))).OfType<string>().ToList();
        var references = Array(e, "references", path, source).Select((r, i) => (Type: Str(r, "type", $"{path}.references[{i}]", source), Url: Str(r, "url", $"{path}.references[{i}]", source)))
            .Where(r => r.Url is { Length: > 0 }).OrderBy(r => r.Type == "ADVISORY" ? 0 : 1).Select(r => r.Url!).ToList();
        var databaseSeverity = e.TryGetProperty("database_specific", out var specific) && specific.ValueKind == JsonValueKind.Object
            && specific.TryGetProperty("severity", out var rating) && rating.ValueKind == JsonValueKind.String ? pool.Intern(rating.GetString()) : null;
        return new OsvAdvisory(id, [.. Array(e, "aliases", path, source).Select(a => a.ValueKind == JsonValueKind.String ? pool.Intern(a.GetString()!) : "").Where(a => a.Length > 0)],
            Str(e, "summary", path, source) ?? "", e.TryGetProperty("withdrawn", out _), severity, affected, references, databaseSeverity,
            DateTimeOffset.TryParse(Str(e, "modified", path, source), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified.ToUniversalTime() : null);
    }

    private static OsvAffected ReadAffected(JsonElement a, string path, string source, StringPool pool)
    {
        var package = a.TryGetProperty("package", out var p) ? p : throw new AdvisoryFormatException(source, 0, $"{path}.package: required.");
        var ecosystemName = pool.Intern(Str(package, "ecosystem", path + ".package", source)) ?? "";
        Ecosystem? ecosystem = EcosystemNames.TryFromOsvName(ecosystemName, out var known) ? known : null;
        var ranges = Array(a, "ranges", path, source).Select((r, i) => Range(r, $"{path}.ranges[{i}]", source, pool)).ToList();
        var versions = Array(a, "versions", path, source).Where(v => v.ValueKind == JsonValueKind.String).Select(v => pool.Intern(v.GetString()!)).ToList();
        return new OsvAffected(ecosystemName, ecosystem, pool.Intern(Str(package, "name", path + ".package", source)) ?? "", ranges, versions);
    }

    private static AffectedRange Range(JsonElement r, string path, string source, StringPool pool)
    {
        var type = Str(r, "type", path, source) switch
        {
            "SEMVER" => AffectedRangeType.Semver,
            "ECOSYSTEM" => AffectedRangeType.Ecosystem,
            "GIT" => AffectedRangeType.Git,
            var other => throw new AdvisoryFormatException(source, 0, $"{path}.type: '{other}' is not SEMVER, ECOSYSTEM or GIT."),
        };
        var events = new List<RangeEvent>();
        foreach (var (ev, i) in Array(r, "events", path, source).Select((ev, i) => (ev, i)))
        {
            var property = ev.ValueKind == JsonValueKind.Object ? ev.EnumerateObject().FirstOrDefault() : default;
            RangeEventKind? kind = property.Name switch
            {
                "introduced" => RangeEventKind.Introduced,
                "fixed" => RangeEventKind.Fixed,
                "last_affected" => RangeEventKind.LastAffected,
                "limit" => RangeEventKind.Limit,
                _ => null,
            };
            if (kind is null || property.Value.ValueKind != JsonValueKind.String)
                throw new AdvisoryFormatException(source, 0, $"{path}.events[{i}]: expected one of introduced, fixed, last_affected, limit with a version string.");
            events.Add(new RangeEvent(kind.Value, pool.Intern(property.Value.GetString()!)));
        }
        return new AffectedRange(type, events);
    }

    private static string? Str(JsonElement e, string name, string path, string source) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new AdvisoryFormatException(source, 0, $"{path}.{name}: expected a string.");

    private static List<JsonElement> Array(JsonElement e, string name, string path, string source) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? []
        : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()]
        : throw new AdvisoryFormatException(source, 0, $"{path}.{name}: expected a list.");
}
