namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// The fixed parts of the advisory index file (docs/advisory-index.md): a 32-byte header, a table of
/// <see cref="SectionCount"/> (offset, length) pairs, then the sections in <see cref="IndexSection"/> order.
/// All integers are little-endian.
/// </summary>
internal static class IndexFormat
{
    /// <summary>"FBXIDX\r\n": the CR LF catches files mangled by text-mode transfers, as PNG's signature does.</summary>
    public static ReadOnlySpan<byte> Magic => "FBXIDX\r\n"u8;

    /// <summary>The format version this code writes and reads; bump it on any layout change.</summary>
    public const ushort Version = 1;

    public const int SectionCount = 8;

    /// <summary>Header: magic (8), version u16, section count u16, reserved u32, file length u64, CRC-32C u32, reserved u32.</summary>
    public const int HeaderLength = 32;

    /// <summary>Where the checksum starts: everything after the header (the section table and sections).</summary>
    public const int ChecksumFrom = HeaderLength;

    public const int TableLength = SectionCount * 16;

    public const int PayloadStart = HeaderLength + TableLength;

    public const int PackageEntryLength = 13;

    public const int PostingLength = 8;

    public const int IdEntryLength = 8;
}

/// <summary>The sections, in file order.</summary>
internal enum IndexSection
{
    Strings,
    Sources,
    Records,
    Packages,
    Postings,
    Ids,
    Groups,
    Kev,
}
