using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// Reads one OSV record from a <see cref="JsonElement"/>. The happy path builds no path strings, no
/// intermediate lists and no LINQ chains; the JSON path is written only for the error thrown (the first
/// problem in the order the fields are read: id, affected, severity, references, aliases, summary, modified).
/// </summary>
internal static class OsvRecordReader
{
    public static OsvAdvisory Read(JsonElement e, in OsvPath path, string source, StringPool pool)
    {
        if (e.ValueKind != JsonValueKind.Object) throw path.Error(source, ": expected an OSV record (an object).");
        var id = Str(e, "id"u8, path, source) ?? throw path.Error(source, ".id: required.");
        IReadOnlyList<OsvAffected> affected = [];
        if (Array(e, "affected"u8, path, source, out var list))
        {
            var items = new OsvAffected[list.GetArrayLength()];
            var i = 0;
            foreach (var a in list.EnumerateArray()) items[i] = ReadAffected(a, path.In("affected", i++), source, pool);
            affected = items;
        }
        var severity = new List<string>();
        if (Array(e, "severity"u8, path, source, out list))
        {
            var i = 0;
            foreach (var s in list.EnumerateArray())
                if (Pooled(s, "score"u8, path.In("severity", i++), "", source, pool) is { } score) severity.Add(score);
        }
        var references = new List<string>();
        if (Array(e, "references"u8, path, source, out list))
        {
            var (i, advisories) = (0, 0);
            foreach (var r in list.EnumerateArray())
            {
                var at = path.In("references", i++);
                var isAdvisory = Value(r, "type"u8, at, "", source) is { } type && type.ValueEquals("ADVISORY"u8);
                if (Str(r, "url"u8, at, source) is not { Length: > 0 } url) continue;
                // ADVISORY references first, each group in record order.
                if (isAdvisory) references.Insert(advisories++, url);
                else references.Add(url);
            }
        }
        var databaseSeverity = e.TryGetProperty("database_specific"u8, out var specific) && specific.ValueKind == JsonValueKind.Object
            && specific.TryGetProperty("severity"u8, out var rating) && rating.ValueKind == JsonValueKind.String ? pool.Intern(rating) : null;
        var aliases = new List<string>();
        if (Array(e, "aliases"u8, path, source, out list))
            foreach (var a in list.EnumerateArray())
                if (a.ValueKind == JsonValueKind.String && pool.Intern(a) is { Length: > 0 } alias) aliases.Add(alias);
        var summary = Str(e, "summary"u8, path, source) ?? "";
        return new OsvAdvisory(id, aliases, summary, e.TryGetProperty("withdrawn"u8, out _), severity, affected, references, databaseSeverity,
            Value(e, "modified"u8, path, "", source) is { } modified ? Instant(modified) : null);
    }

    private static OsvAffected ReadAffected(JsonElement a, in OsvPath path, string source, StringPool pool)
    {
        if (a.ValueKind != JsonValueKind.Object) throw path.Error(source, ": expected an object.");
        if (!a.TryGetProperty("package"u8, out var package)) throw path.Error(source, ".package: required.");
        var ecosystemName = Pooled(package, "ecosystem"u8, path, ".package", source, pool) ?? "";
        Ecosystem? ecosystem = EcosystemNames.TryFromOsvName(ecosystemName, out var known) ? known : null;
        IReadOnlyList<AffectedRange> ranges = [];
        if (Array(a, "ranges"u8, path, source, out var list))
        {
            var items = new AffectedRange[list.GetArrayLength()];
            var i = 0;
            foreach (var r in list.EnumerateArray()) items[i] = Range(r, path.AtRange(i++), source, pool);
            ranges = items;
        }
        var versions = new List<string>();
        if (Array(a, "versions"u8, path, source, out list))
            foreach (var v in list.EnumerateArray())
                if (v.ValueKind == JsonValueKind.String) versions.Add(pool.Intern(v));
        return new OsvAffected(ecosystemName, ecosystem, Pooled(package, "name"u8, path, ".package", source, pool) ?? "", ranges, versions);
    }

    private static AffectedRange Range(JsonElement r, in OsvPath path, string source, StringPool pool)
    {
        if (r.ValueKind != JsonValueKind.Object) throw path.Error(source, ": expected an object.");
        var typeValue = Value(r, "type"u8, path, "", source);
        var type = typeValue is not { } t ? null
            : t.ValueEquals("SEMVER"u8) ? AffectedRangeType.Semver
            : t.ValueEquals("ECOSYSTEM"u8) ? AffectedRangeType.Ecosystem
            : t.ValueEquals("GIT"u8) ? AffectedRangeType.Git : (AffectedRangeType?)null;
        if (type is null) throw path.Error(source, $".type: '{typeValue?.GetString()}' is not SEMVER, ECOSYSTEM or GIT.");
        if (!Array(r, "events"u8, path, source, out var list)) return new AffectedRange(type.Value, []);
        var events = new RangeEvent[list.GetArrayLength()];
        var i = 0;
        foreach (var ev in list.EnumerateArray())
        {
            events[i] = Event(ev) is var (kind, version) ? new RangeEvent(kind, pool.Intern(version))
                : throw path.Error(source, string.Create(CultureInfo.InvariantCulture,
                    $".events[{i}]: expected one of introduced, fixed, last_affected, limit with a version string."));
            i++;
        }
        return new AffectedRange(type.Value, events);
    }

    /// <summary>The event's kind and version from its first property, or null when it is not one.</summary>
    private static (RangeEventKind, JsonElement)? Event(JsonElement ev)
    {
        if (ev.ValueKind != JsonValueKind.Object) return null;
        var properties = ev.EnumerateObject();
        if (!properties.MoveNext()) return null;
        var property = properties.Current;
        RangeEventKind? kind = property.NameEquals("introduced"u8) ? RangeEventKind.Introduced
            : property.NameEquals("fixed"u8) ? RangeEventKind.Fixed
            : property.NameEquals("last_affected"u8) ? RangeEventKind.LastAffected
            : property.NameEquals("limit"u8) ? RangeEventKind.Limit : null;
        return kind is { } known && property.Value.ValueKind == JsonValueKind.String ? (known, property.Value) : null;
    }

    /// <summary>A string property, or null when absent or JSON null; anything else is an error at <c>{path}{prefix}.{name}</c>.</summary>
    private static JsonElement? Value(JsonElement e, ReadOnlySpan<byte> name, in OsvPath path, string prefix, string source)
    {
        if (e.ValueKind != JsonValueKind.Object) throw path.Error(source, prefix + ": expected an object.");
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v : throw path.Error(source, prefix, name, "expected a string.");
    }

    private static string? Str(JsonElement e, ReadOnlySpan<byte> name, in OsvPath path, string source) =>
        Value(e, name, path, "", source)?.GetString();

    private static string? Pooled(JsonElement e, ReadOnlySpan<byte> name, in OsvPath path, string prefix, string source, StringPool pool) =>
        Value(e, name, path, prefix, source) is { } v ? pool.Intern(v) : null;

    /// <summary>False when absent or JSON null; an error when present and not a list.</summary>
    private static bool Array(JsonElement e, ReadOnlySpan<byte> name, in OsvPath path, string source, out JsonElement list) =>
        e.TryGetProperty(name, out list) && list.ValueKind != JsonValueKind.Null
        && (list.ValueKind == JsonValueKind.Array ? true : throw path.Error(source, "", name, "expected a list."));

    /// <summary><c>modified</c> as UTC (lenient, no offset means UTC), parsed from the stack when it is short and unescaped.</summary>
    private static DateTimeOffset? Instant(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        Span<char> chars = stackalloc char[64];
        var text = raw.Length - 2 is > 0 and <= 64 && !raw.Contains((byte)'\\')
            ? chars[..Encoding.UTF8.GetChars(raw[1..^1], chars)] : value.GetString().AsSpan();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified.ToUniversalTime() : null;
    }
}
