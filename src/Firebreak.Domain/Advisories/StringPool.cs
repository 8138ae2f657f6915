using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// Keeps one instance of each repeated string while a feed is read: ecosystem names, package names,
/// versions and CVSS vectors recur across thousands of records, and an import holds every record until
/// the index is written. Not thread-safe; one pool per read.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values (in UTF-8 bytes) are decoded to a string before lookup.</summary>
    private const int StackLimit = 256;

    private readonly HashSet<string> _strings;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool()
    {
        _strings = new HashSet<string>(StringComparer.Ordinal);
        _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [return: NotNullIfNotNull(nameof(text))]
    public string? Intern(string? text)
    {
        if (text is null) return null;
        if (_strings.TryGetValue(text, out var held)) return held;
        _strings.Add(text);
        return text;
    }

    /// <summary>
    /// The pooled copy of a JSON string's value; a value already held allocates nothing (it is decoded on the
    /// stack and looked up by span). Escaped and long values take the ordinary path.
    /// </summary>
    public string Intern(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length < 2 || raw.Length - 2 > StackLimit || raw.Contains((byte)'\\')) return Intern(value.GetString()!);
        Span<char> chars = stackalloc char[StackLimit];
        var length = Encoding.UTF8.GetChars(raw[1..^1], chars);
        if (_bySpan.TryGetValue(chars[..length], out var held)) return held;
        var text = new string(chars[..length]);
        _strings.Add(text);
        return text;
    }
}
