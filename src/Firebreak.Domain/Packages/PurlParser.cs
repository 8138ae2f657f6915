using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Parses purl text right to left as the spec's "how to parse" describes: subpath ('#'), qualifiers ('?'),
/// scheme (':'), type, version ('@'), name, namespace. Errors name the component and the zero-based
/// position in the input.
/// </summary>
internal static class PurlParser
{
    public static bool TryParse(string text, PurlStrictness strictness,
        [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        var end = text.Length;
        var subpath = new List<string>();
        var hash = text.LastIndexOf('#');
        if (hash >= 0)
        {
            if (!TrySegments(text, hash + 1, end, "subpath", subpath, out error)) return false;
            subpath.RemoveAll(s => s is "." or "..");
            end = hash;
        }
        var qualifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var question = end > 0 ? text.LastIndexOf('?', end - 1, end) : -1;
        if (question >= 0)
        {
            if (!TryQualifiers(text, question + 1, end, strictness, qualifiers, out error)) return false;
            end = question;
        }
        var colon = text.IndexOf(':', 0, end);
        if (colon < 0 || !text.AsSpan(0, colon).Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            error = "The scheme 'pkg:' is required at position 0.";
            return false;
        }
        var start = colon + 1;
        while (start < end && text[start] == '/') start++;
        var slash = text.IndexOf('/', start, end - start);
        var typeEnd = slash < 0 ? end : slash;
        var type = text[start..typeEnd].ToLowerInvariant();
        if (!PurlBuilder.IsValidType(type))
        {
            error = $"Invalid type '{text[start..typeEnd]}' at position {start}: a type is ASCII letters, digits, '.' and '-', starting with a letter.";
            return false;
        }
        if (slash < 0)
        {
            error = $"The name is required after the type, at position {end}.";
            return false;
        }
        start = slash + 1;
        // The version '@' is the last one after the last '/': an unencoded '@' earlier (npm's
        // "@scope") belongs to the namespace.
        string? version = null;
        var lastSlash = text.LastIndexOf('/', end - 1, end - start);
        var versionFrom = Math.Max(start, lastSlash + 1);
        var at = end > versionFrom ? text.LastIndexOf('@', end - 1, end - versionFrom) : -1;
        if (at >= 0)
        {
            if (!PurlEncoding.TryDecode(text[(at + 1)..end], at + 1, "version", out version, out error)) return false;
            end = at;
        }
        else
        {
            // Without a version, trailing slashes are insignificant; before '@' an empty name is an error.
            while (end > start && text[end - 1] == '/') end--;
        }
        var nameStart = end > start ? text.LastIndexOf('/', end - 1, end - start) + 1 : start;
        if (nameStart < start) nameStart = start;
        if (!PurlEncoding.TryDecode(text[nameStart..end], nameStart, "name", out var name, out error)) return false;
        if (name.Length == 0)
        {
            error = $"The name is required, at position {nameStart}.";
            return false;
        }
        var namespaceSegments = new List<string>();
        if (nameStart > start && !TrySegments(text, start, nameStart - 1, "namespace", namespaceSegments, out error))
            return false;
        if (!PurlBuilder.TryFinish(type, namespaceSegments, name, version, qualifiers, subpath, out purl, out error))
            return false;
        error = null;
        return true;
    }

    private static bool TrySegments(string text, int start, int end, string component, List<string> segments,
        [NotNullWhen(false)] out string? error)
    {
        error = null;
        var position = start;
        foreach (var raw in text[start..end].Split('/'))
        {
            if (raw.Length > 0)
            {
                if (!PurlEncoding.TryDecode(raw, position, component, out var segment, out error)) return false;
                if (segment.Contains('/', StringComparison.Ordinal))
                {
                    error = $"A {component} segment at position {position} contains an encoded '/'.";
                    return false;
                }
                if (segment.Length > 0) segments.Add(segment);
            }
            position += raw.Length + 1;
        }
        return true;
    }

    private static bool TryQualifiers(string text, int start, int end, PurlStrictness strictness,
        SortedDictionary<string, string> qualifiers, [NotNullWhen(false)] out string? error)
    {
        error = null;
        var position = start;
        foreach (var pair in text[start..end].Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (pair.Length > 0)
            {
                var rawKey = eq < 0 ? pair : pair[..eq];
                var key = strictness == PurlStrictness.Lenient ? rawKey.ToLowerInvariant() : rawKey;
                if (!PurlBuilder.IsValidQualifierKey(key))
                {
                    error = $"Invalid qualifier key '{rawKey}' at position {position}: keys are lowercase ASCII letters, digits, '.', '-' and '_' and start with a letter.";
                    return false;
                }
                var value = "";
                if (eq >= 0 && !PurlEncoding.TryDecode(pair[(eq + 1)..], position + eq + 1, "qualifier value", out value, out error))
                    return false;
                if (value.Length > 0 && !qualifiers.TryAdd(key, value))
                {
                    error = $"Duplicate qualifier key '{key}' at position {position}.";
                    return false;
                }
            }
            position += pair.Length + 1;
        }
        return true;
    }
}
