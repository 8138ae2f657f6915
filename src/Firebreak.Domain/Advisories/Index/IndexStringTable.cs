using System.Buffers.Binary;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// The file's string table as the writer fills it: staged strings get file numbers in the order the writer
/// first reaches them (sources, then records in index order, then packages and KEV), so the file does not
/// depend on the order records were staged in, nor hold strings only replaced records used.
/// </summary>
internal sealed class IndexStringTable
{
    private readonly StagedStrings _staged;
    private readonly List<int> _order = [];
    private int[] _numbers;

    public IndexStringTable(StagedStrings staged)
    {
        _staged = staged;
        _numbers = new int[staged.Count];
        Array.Fill(_numbers, -1);
    }

    public int Count => _order.Count;

    /// <summary>The file number of a string, staging it first when no record held it (a normalised name, a KEV field).</summary>
    public int Id(string text) => Map(_staged.Intern(text));

    /// <summary>The file number of staged string <paramref name="staged"/>.</summary>
    public int Map(int staged)
    {
        if (staged >= _numbers.Length)
        {
            var grown = new int[Math.Max(staged + 1, _numbers.Length * 2)];
            Array.Fill(grown, -1, _numbers.Length, grown.Length - _numbers.Length);
            _numbers.CopyTo(grown, 0);
            _numbers = grown;
        }
        if (_numbers[staged] >= 0) return _numbers[staged];
        _numbers[staged] = _order.Count;
        _order.Add(staged);
        return _order.Count - 1;
    }

    /// <summary>The section's length in bytes: u32 count, u32 offsets[count + 1], the UTF-8 blob.</summary>
    public long SectionLength() => 4L + 4L * (_order.Count + 1) + _order.Sum(s => (long)_staged.Utf8(s).Length);

    /// <summary>
    /// The section (u32 count, u32 offsets[count + 1] into the UTF-8 blob, then the blob) in pieces of at most
    /// 64 KiB, copied from the staged UTF-8 as they are asked for into one reused buffer: the writer reads it twice (checksum,
    /// then output) rather than holding tens of megabytes of encoded strings. Each piece is valid only
    /// until the next is asked for.
    /// </summary>
    public IEnumerable<ArraySegment<byte>> Pieces()
    {
        var buffer = new byte[64 * 1024];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)_order.Count);
        var used = 4;
        uint offset = 0;
        for (var i = 0; i <= _order.Count; i++)
        {
            if (used + 4 > buffer.Length)
            {
                yield return new ArraySegment<byte>(buffer, 0, used);
                used = 0;
            }
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(used), offset);
            used += 4;
            if (i < _order.Count) offset += (uint)_staged.Utf8(_order[i]).Length;
        }
        foreach (var number in _order)
        {
            var length = _staged.Utf8(number).Length;
            if (length > buffer.Length - used)
            {
                yield return new ArraySegment<byte>(buffer, 0, used);
                used = 0;
                if (length > buffer.Length)
                {
                    yield return new ArraySegment<byte>(_staged.Utf8(number).ToArray());
                    continue;
                }
            }
            _staged.Utf8(number).CopyTo(buffer.AsSpan(used));
            used += length;
        }
        yield return new ArraySegment<byte>(buffer, 0, used);
    }
}
