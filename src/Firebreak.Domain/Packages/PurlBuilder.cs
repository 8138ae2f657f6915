using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Turns decoded components into a <see cref="PackageUrl"/>: the spec's "build" operation, and the last
/// step of parsing. Checks the component grammar, then applies the type's rules.
/// </summary>
internal static class PurlBuilder
{
    public static bool TryBuild(string? type, string? @namespace, string? name, string? version,
        IEnumerable<KeyValuePair<string, string?>>? qualifiers, string? subpath,
        [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        var namespaceSegments = (@namespace ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var subpathSegments = (subpath ?? "").Split('/')
            .Where(s => s.Length > 0 && s != "." && s != "..").ToArray();
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in qualifiers ?? [])
        {
            var key = rawKey.ToLowerInvariant();
            if (!IsValidQualifierKey(key))
            {
                error = $"Invalid qualifier key '{rawKey}': keys are ASCII letters, digits, '.', '-' and '_' and start with a letter.";
                return false;
            }
            if (string.IsNullOrEmpty(value)) continue;
            if (!map.TryAdd(key, value))
            {
                error = $"Duplicate qualifier key '{key}'.";
                return false;
            }
        }
        return TryFinish(type?.ToLowerInvariant(), namespaceSegments, name?.Trim('/'), version, map,
            subpathSegments, out purl, out error);
    }

    public static bool TryFinish(string? type, IReadOnlyList<string> namespaceSegments, string? name,
        string? version, SortedDictionary<string, string> qualifiers, IReadOnlyList<string> subpathSegments,
        [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        if (string.IsNullOrEmpty(type))
        {
            error = "The type is required.";
            return false;
        }
        if (!IsValidType(type))
        {
            error = $"Invalid type '{type}': a type is ASCII letters, digits, '.' and '-', starting with a letter.";
            return false;
        }
        if (string.IsNullOrEmpty(name))
        {
            error = "The name is required.";
            return false;
        }
        var components = new PurlComponents(type, [.. namespaceSegments], name,
            string.IsNullOrEmpty(version) ? null : version, qualifiers);
        if (!PurlTypeRules.TryApply(components, out error)) return false;
        purl = new PackageUrl(type,
            components.Namespace.Count == 0 ? null : string.Join('/', components.Namespace),
            components.Name, components.Version, components.Qualifiers.ToImmutableSortedDictionary(StringComparer.Ordinal),
            subpathSegments.Count == 0 ? null : string.Join('/', subpathSegments));
        return true;
    }

    public static bool IsValidType(string type) =>
        type.Length > 0 && char.IsAsciiLetter(type[0])
        && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    public static bool IsValidQualifierKey(string key) =>
        key.Length > 0 && char.IsAsciiLetterLower(key[0])
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
}
