using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// The fixed-width tables of an index file (records, packages, postings, ids, vulnerabilities), every
/// cross-reference checked once at load so later lookups can trust them.
/// </summary>
internal sealed class IndexTables
{
    public const int RecordEntryLength = 6;

    public IndexTables(IndexLayout layout, int stringCount, int sourceCount)
    {
        Layout = layout;
        var bytes = layout.Bytes; // once: a mapped file's span costs a virtual call per fetch
        RecordCount = layout.FixedCount(IndexSection.Records, RecordEntryLength, 4);
        RecordTable = layout[IndexSection.Records].Offset + 4;
        var blobLength = U32(bytes, RecordTable + RecordCount * RecordEntryLength);
        RecordBlob = RecordTable + RecordCount * RecordEntryLength + 4;
        if (blobLength != layout[IndexSection.Records].Length - (RecordBlob - layout[IndexSection.Records].Offset))
            throw layout.Corrupt(RecordBlob - 4, "record data length does not match its section.");
        RecordBlobLength = (int)blobLength;
        uint previous = 0;
        for (var i = 0; i < RecordCount; i++)
        {
            var at = RecordTable + i * RecordEntryLength;
            var offset = U32(bytes, at);
            if (offset < previous || offset > blobLength) throw layout.Corrupt(at, $"record {i} starts outside the record data.");
            if (bytes[at + 4] + (bytes[at + 5] << 8) >= sourceCount) throw layout.Corrupt(at + 4, $"record {i} names a missing source.");
            previous = offset;
        }
        PostingCount = layout.FixedCount(IndexSection.Postings, IndexFormat.PostingLength);
        Postings = layout[IndexSection.Postings].Offset + 4;
        for (var i = 0; i < PostingCount; i++)
            if (U32(bytes, Postings + i * 8) >= RecordCount) throw layout.Corrupt(Postings + i * 8, $"posting {i} names a missing record.");
        PackageCount = layout.FixedCount(IndexSection.Packages, IndexFormat.PackageEntryLength);
        Packages = layout[IndexSection.Packages].Offset + 4;
        for (var i = 0; i < PackageCount; i++)
        {
            var at = Packages + i * IndexFormat.PackageEntryLength;
            if (!Enum.IsDefined((Ecosystem)bytes[at]) || U32(bytes, at + 1) >= stringCount
                || (ulong)U32(bytes, at + 5) + U32(bytes, at + 9) > (ulong)PostingCount)
                throw layout.Corrupt(at, $"package entry {i} is out of range.");
        }
        GroupCount = layout.FixedCount(IndexSection.Groups, 4, 4);
        Groups = layout[IndexSection.Groups].Offset + 4;
        var memberCount = (layout[IndexSection.Groups].Length - 8 - GroupCount * 4) / 4;
        previous = 0;
        for (var i = 0; i <= GroupCount; i++)
        {
            var offset = U32(bytes, Groups + i * 4);
            if (offset < previous || offset > memberCount) throw layout.Corrupt(Groups + i * 4, $"vulnerability {i} lists members outside its section.");
            previous = offset;
        }
        Members = Groups + (GroupCount + 1) * 4;
        for (var i = 0; i < previous; i++)
            if (U32(bytes, Members + i * 4) >= RecordCount) throw layout.Corrupt(Members + i * 4, "a vulnerability names a missing record.");
        IdCount = layout.FixedCount(IndexSection.Ids, IndexFormat.IdEntryLength);
        Ids = layout[IndexSection.Ids].Offset + 4;
        for (var i = 0; i < IdCount; i++)
            if (U32(bytes, Ids + i * 8) >= stringCount || U32(bytes, Ids + i * 8 + 4) >= GroupCount) throw layout.Corrupt(Ids + i * 8, $"id entry {i} is out of range.");
    }

    public IndexLayout Layout { get; }

    public int RecordCount { get; }

    public int RecordTable { get; }

    public int RecordBlob { get; }

    public int RecordBlobLength { get; }

    public int PostingCount { get; }

    public int Postings { get; }

    public int PackageCount { get; }

    public int Packages { get; }

    public int GroupCount { get; }

    public int Groups { get; }

    public int Members { get; }

    public int IdCount { get; }

    public int Ids { get; }

    private static uint U32(ReadOnlySpan<byte> bytes, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);

    public int SourceOf(int record) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(Layout.Bytes[(RecordTable + record * RecordEntryLength + 4)..]);

    /// <summary>The bytes of one record.</summary>
    public (int Offset, int Length) RecordSpan(int record)
    {
        var start = (int)Layout.U32(RecordTable + record * RecordEntryLength);
        var end = record + 1 < RecordCount ? (int)Layout.U32(RecordTable + (record + 1) * RecordEntryLength) : RecordBlobLength;
        return (RecordBlob + start, end - start);
    }
}
