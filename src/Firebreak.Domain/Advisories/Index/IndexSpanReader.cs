using System.Buffers.Binary;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Reads little-endian integers and 7-bit varints from a span, checking every read against its end so a
/// damaged index fails with <see cref="AdvisoryIndexFormatException"/> at the offending byte, never with an
/// out-of-range read or a huge allocation.
/// </summary>
internal ref struct IndexSpanReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private readonly string _file;
    private int _position;

    public IndexSpanReader(ReadOnlySpan<byte> data, long baseOffset, string file)
    {
        _data = data;
        _baseOffset = baseOffset;
        _file = file;
    }

    public readonly int Remaining => _data.Length - _position;

    public byte U8() => Take(1)[0];

    public short I16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>The next <paramref name="length"/> bytes as they are.</summary>
    public ReadOnlySpan<byte> Raw(int length) => Take(length);

    /// <summary>A 7-bit varint of at most five bytes that fits an int.</summary>
    public int VarInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = U8();
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value <= int.MaxValue ? (int)value : throw Fail("varint out of range");
        }
        throw Fail("varint longer than five bytes");
    }

    /// <summary>A count of items each at least <paramref name="minimumBytes"/> long, refused when the rest of the data cannot hold them.</summary>
    public int Count(int minimumBytes)
    {
        var count = VarInt();
        return (long)count * minimumBytes <= Remaining ? count : throw Fail($"count {count} exceeds the remaining {Remaining} bytes");
    }

    /// <summary>An index below <paramref name="limit"/>.</summary>
    public int Below(int limit, string what)
    {
        var value = VarInt();
        return value < limit ? value : throw Fail($"{what} {value} out of range (limit {limit})");
    }

    public readonly AdvisoryIndexFormatException Fail(string message) => new(_file, _baseOffset + _position, message);

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > Remaining) throw Fail($"truncated: needed {length} bytes, {Remaining} left");
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }
}
