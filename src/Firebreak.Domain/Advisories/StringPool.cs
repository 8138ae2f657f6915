using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// Keeps one instance of each repeated string while a feed is read: ecosystem names, package names,
/// versions and CVSS vectors recur across thousands of records, and an import holds every record until
/// the index is written. Not thread-safe; one pool per read.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    [return: NotNullIfNotNull(nameof(text))]
    public string? Intern(string? text)
    {
        if (text is null) return null;
        if (_strings.TryGetValue(text, out var held)) return held;
        _strings.Add(text);
        return text;
    }
}
