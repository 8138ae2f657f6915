using System.Buffers;
using System.Text;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// The builder's strings while records are staged: each distinct string once, as UTF-8 in 1 MiB chunks
/// (the file's own encoding, about half the size of .NET strings and without an object per string), numbered
/// in the order first staged and found again through an open-addressing hash table of numbers. Staged records
/// refer to these numbers; the writer renumbers them into the file's string table in the order the file
/// reaches them, so a string only a replaced record used never reaches the file. Not thread-safe.
/// </summary>
internal sealed class StagedStrings
{
    private const int ChunkBytes = 1 << 20;
    private const int StackBytes = 512;

    private readonly List<byte[]> _chunks = [];
    private int _current = -1;
    private int _used = ChunkBytes;
    private long[] _where = new long[1024];
    private int[] _lengths = new int[1024];
    private int[] _hashes = new int[1024];
    // Slot = string number + 1; 0 = empty. A power of two, kept at most half full.
    private int[] _slots = new int[2048];

    public int Count { get; private set; }

    /// <summary>String <paramref name="id"/>'s UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)Count, nameof(id));
        var where = _where[id];
        return _chunks[(int)(where >> 32)].AsSpan((int)where, _lengths[id]);
    }

    /// <summary>String <paramref name="id"/>, decoded (a new string each time).</summary>
    public string this[int id] => Encoding.UTF8.GetString(Utf8(id));

    public int Intern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most <= StackBytes)
        {
            Span<byte> buffer = stackalloc byte[StackBytes];
            return Intern(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        var rented = ArrayPool<byte>.Shared.Rent(most);
        try
        {
            return Intern(rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public int Intern(ReadOnlySpan<byte> utf8)
    {
        var mask = _slots.Length - 1;
        var hash = Hash(utf8);
        var slot = hash & mask;
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var held = _slots[slot] - 1;
            if (_hashes[held] == hash && Utf8(held).SequenceEqual(utf8)) return held;
        }
        var id = Add(utf8, hash);
        _slots[slot] = id + 1;
        if (Count * 2 > _slots.Length) Rehash();
        return id;
    }

    private int Add(ReadOnlySpan<byte> utf8, int hash)
    {
        if (Count == _where.Length)
        {
            Array.Resize(ref _where, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _hashes, Count * 2);
        }
        int chunk;
        if (utf8.Length > ChunkBytes / 4)
        {
            // A long string gets a chunk of its own; the chunk being filled stays open.
            _chunks.Add(utf8.ToArray());
            chunk = _chunks.Count - 1;
            _where[Count] = (long)chunk << 32;
        }
        else
        {
            if (utf8.Length > ChunkBytes - _used)
            {
                _chunks.Add(new byte[ChunkBytes]);
                _current = _chunks.Count - 1;
                _used = 0;
            }
            utf8.CopyTo(_chunks[_current].AsSpan(_used));
            _where[Count] = ((long)_current << 32) | (uint)_used;
            _used += utf8.Length;
        }
        _lengths[Count] = utf8.Length;
        _hashes[Count] = hash;
        return Count++;
    }

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = id + 1;
        }
        _slots = slots;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }
}
