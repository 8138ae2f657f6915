using System.Buffers.Binary;
using System.Text;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>The reader's view of the string table: offsets checked once at load, strings decoded on first use.</summary>
internal sealed class IndexStrings
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int _offsets;
    private readonly int _blob;
    private readonly string?[] _cache;
    private readonly string _file;

    public IndexStrings(ReadOnlyMemory<byte> bytes, int start, int length, string file)
    {
        _bytes = bytes;
        _file = file;
        if (length < 8) throw new AdvisoryIndexFormatException(file, start, "string table too short");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Span[start..]);
        if (count > (uint)(length - 8) / 4) throw new AdvisoryIndexFormatException(file, start, $"string count {count} does not fit the table");
        Count = (int)count;
        _offsets = start + 4;
        _blob = _offsets + (Count + 1) * 4;
        var blobLength = (long)start + length - _blob;
        uint previous = 0;
        var span = bytes.Span;
        for (var i = 0; i <= Count; i++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(span[(_offsets + i * 4)..]);
            if (offset < previous || offset > blobLength)
                throw new AdvisoryIndexFormatException(file, _offsets + i * 4L, $"string offset {offset} out of order or past the table");
            previous = offset;
        }
        _cache = new string?[Count];
    }

    public int Count { get; }

    public ReadOnlySpan<byte> Utf8(int id)
    {
        Check(id);
        var start = Offset(id);
        return _bytes.Span.Slice(_blob + (int)start, (int)(Offset(id + 1) - start));
    }

    public string Get(int id)
    {
        Check(id);
        return _cache[id] ??= Encoding.UTF8.GetString(Utf8(id));
    }

    public void Check(int id)
    {
        if ((uint)id >= (uint)Count) throw new AdvisoryIndexFormatException(_file, -1, $"string {id} out of range (table has {Count})");
    }

    private uint Offset(int i) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.Span[(_offsets + i * 4)..]);
}
