using System.Buffers.Binary;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Checks the header (magic, version, length, checksum) and the section table of an index file, in that
/// order, so each kind of damage gets its own message: not an index, another version, truncated, corrupt.
/// </summary>
internal sealed class IndexLayout
{
    private readonly (int Offset, int Length)[] _sections = new (int, int)[IndexFormat.SectionCount];

    public IndexLayout(ReadOnlyMemory<byte> memory, string file)
    {
        Memory = memory;
        var bytes = memory.Span;
        File = file;
        var magic = IndexFormat.Magic;
        var prefix = Math.Min(bytes.Length, magic.Length);
        if (bytes.Length == 0 || !bytes[..prefix].SequenceEqual(magic[..prefix]))
            throw new AdvisoryIndexFormatException(file, -1, "not a Firebreak advisory index (the file does not start with FBXIDX); rebuild it with `firebreak db import`.");
        if (bytes.Length < IndexFormat.PayloadStart)
            throw new AdvisoryIndexFormatException(file, -1, $"truncated: {bytes.Length} bytes is shorter than the {IndexFormat.PayloadStart}-byte header.");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version != IndexFormat.Version)
            throw new AdvisoryIndexFormatException(file, 8, $"format version {version} is not supported (this firebreak reads version {IndexFormat.Version}); rebuild it with `firebreak db import`.");
        var declared = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        if (declared > (ulong)bytes.Length)
            throw new AdvisoryIndexFormatException(file, -1, $"truncated: the header says {declared} bytes, the file has {bytes.Length}.");
        if (declared < (ulong)bytes.Length)
            throw new AdvisoryIndexFormatException(file, (long)declared, $"corrupt: {(ulong)bytes.Length - declared} unexpected bytes after the end the header declares.");
        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]) != IndexFormat.SectionCount)
            throw new AdvisoryIndexFormatException(file, 10, "corrupt: wrong section count.");
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]);
        var actual = IndexChecksum.Compute(bytes[IndexFormat.ChecksumFrom..]);
        if (stored != actual)
            throw new AdvisoryIndexFormatException(file, -1, $"corrupt: checksum mismatch (stored {stored:x8}, computed {actual:x8}).");
        long end = IndexFormat.PayloadStart;
        for (var i = 0; i < IndexFormat.SectionCount; i++)
        {
            var at = IndexFormat.HeaderLength + i * 16;
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + 8)..]);
            if (offset != (ulong)end || length > (ulong)(bytes.Length - end))
                throw new AdvisoryIndexFormatException(file, at, $"corrupt: section {(IndexSection)i} lies outside the file or out of order.");
            _sections[i] = ((int)offset, (int)length);
            end += (long)length;
        }
    }

    /// <summary>The whole file: an array, or a read-only mapping of it (the CLI maps rather than copies).</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    public ReadOnlySpan<byte> Bytes => Memory.Span;

    public string File { get; }

    public (int Offset, int Length) this[IndexSection section] => _sections[(int)section];

    /// <summary>A reader over one section.</summary>
    public IndexSpanReader Reader(IndexSection section) => new(Bytes.Slice(this[section].Offset, this[section].Length), this[section].Offset, File);

    /// <summary>Reads a section's leading u32 count and checks that count × <paramref name="entryLength"/> more bytes fit.</summary>
    public int FixedCount(IndexSection section, int entryLength, int extra = 0)
    {
        var (offset, length) = this[section];
        if (length < 4) throw new AdvisoryIndexFormatException(File, offset, $"corrupt: section {section} is too short.");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(Bytes[offset..]);
        if ((ulong)count * (ulong)entryLength + (ulong)extra > (ulong)(length - 4))
            throw new AdvisoryIndexFormatException(File, offset, $"corrupt: section {section} claims {count} entries that do not fit.");
        return (int)count;
    }

    public uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes[at..]);

    public AdvisoryIndexFormatException Corrupt(long at, string message) => new(File, at, "corrupt: " + message);
}
