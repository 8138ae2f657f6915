using Firebreak.Domain.Common;
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
    public static IReadOnlyList<OsvAdvisory> ReadAll(Stream utf8Json, string source) => [.. ReadEach(utf8Json, source)];

    /// <summary>
    /// The records of <see cref="ReadAll(Stream, string)"/> one at a time, as they are read: of a top-level
    /// JSON array only the current element is in memory, so a caller that keeps less than the record (the
    /// index import encodes it) never holds the array. Errors are thrown when the enumeration reaches them,
    /// after the records before them were given.
    /// </summary>
    public static IEnumerable<OsvAdvisory> ReadEach(Stream utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Each(utf8Json, source);
    }

    private static IEnumerable<OsvAdvisory> Each(Stream utf8Json, string source)
    {
        var pool = new StringPool();
        if (!utf8Json.CanSeek || FirstByte(utf8Json) != (byte)'[')
        {
            foreach (var record in Document(utf8Json, source, pool)) yield return record;
            yield break;
        }
        using var elements = JsonSerializer.DeserializeAsyncEnumerable(utf8Json, ElementContext.JsonElement).ToBlockingEnumerable().GetEnumerator();
        for (var i = 0; ; i++)
        {
            bool more;
            try
            {
                more = elements.MoveNext();
            }
            catch (JsonException e)
            {
                throw NotJson(e, source);
            }
            if (!more) yield break;
            yield return OsvRecordReader.Read(elements.Current, new OsvPath("$", i), source, pool);
        }
    }

    private static OsvAdvisory[] Document(Stream utf8Json, string source, StringPool pool)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return ReadRoot(document.RootElement, source, pool);
        }
        catch (JsonException e)
        {
            throw NotJson(e, source);
        }
    }

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    private static readonly DomainJsonContext ElementContext = new(new JsonSerializerOptions { MaxDepth = DocumentOptions.MaxDepth });

    private static OsvAdvisory[] ReadRoot(JsonElement root, string source, StringPool pool)
    {
        if (root.ValueKind == JsonValueKind.Array) return ReadArray(root, "$", source, pool);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("vulns"u8, out var vulns) && vulns.ValueKind == JsonValueKind.Array)
            return ReadArray(vulns, "$.vulns", source, pool);
        return [OsvRecordReader.Read(root, new OsvPath("$"), source, pool)];
    }

    private static OsvAdvisory[] ReadArray(JsonElement array, string root, string source, StringPool pool)
    {
        var records = new OsvAdvisory[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            records[i] = OsvRecordReader.Read(element, new OsvPath(root, i), source, pool);
            i++;
        }
        return records;
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
}
