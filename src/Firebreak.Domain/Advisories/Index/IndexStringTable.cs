using System.Buffers.Binary;
using System.Text;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>The writer's string table: each distinct string is stored once and referred to by its number.</summary>
internal sealed class IndexStringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int Count => _strings.Count;

    public int Id(string text)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        _ids[text] = id = _strings.Count;
        _strings.Add(text);
        return id;
    }

    /// <summary>The section's length in bytes: u32 count, u32 offsets[count + 1], the UTF-8 blob.</summary>
    public long SectionLength() => 4L + 4L * (_strings.Count + 1) + _strings.Sum(s => (long)Encoding.UTF8.GetByteCount(s));

    /// <summary>
    /// The section (u32 count, u32 offsets[count + 1] into the UTF-8 blob, then the blob) in pieces of at most
    /// 64 KiB, encoded as they are asked for into one reused buffer: the writer reads it twice (checksum,
    /// then output) rather than holding tens of megabytes of encoded strings. Each piece is valid only
    /// until the next is asked for.
    /// </summary>
    public IEnumerable<ArraySegment<byte>> Pieces()
    {
        var buffer = new byte[64 * 1024];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)_strings.Count);
        var used = 4;
        uint offset = 0;
        for (var i = 0; i <= _strings.Count; i++)
        {
            if (used + 4 > buffer.Length)
            {
                yield return new ArraySegment<byte>(buffer, 0, used);
                used = 0;
            }
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(used), offset);
            used += 4;
            if (i < _strings.Count) offset += (uint)Encoding.UTF8.GetByteCount(_strings[i]);
        }
        foreach (var text in _strings)
        {
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > buffer.Length - used)
            {
                yield return new ArraySegment<byte>(buffer, 0, used);
                used = 0;
                if (Encoding.UTF8.GetMaxByteCount(text.Length) > buffer.Length)
                {
                    yield return new ArraySegment<byte>(Encoding.UTF8.GetBytes(text));
                    continue;
                }
            }
            used += Encoding.UTF8.GetBytes(text, buffer.AsSpan(used));
        }
        yield return new ArraySegment<byte>(buffer, 0, used);
    }
}
