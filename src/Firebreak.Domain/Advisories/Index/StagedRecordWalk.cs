namespace Firebreak.Domain.Advisories.Index;

/// <summary>What a string in an encoded record is, in the order <see cref="IndexRecordCodec"/> writes them.</summary>
internal enum RecordField
{
    Id,
    Origin,
    Summary,
    DatabaseSeverity,
    Alias,
    Severity,
    Reference,
    Ecosystem,
    Package,
    EventVersion,
    Version,
    Patched,
    Unaffected,
    Informational,
}

/// <summary>Receives the parts of an encoded record in byte order: string numbers, counts and the fixed-width bytes between them.</summary>
internal interface IRecordVisitor
{
    void String(RecordField field, int number);

    void Count(int count);

    void Fixed(ReadOnlySpan<byte> bytes);
}

/// <summary>
/// Walks one encoded record (docs/advisory-index.md, "Record") without decoding it: the writer renumbers a
/// staged record's strings this way and reads its ids, aliases and packages for the derived tables.
/// </summary>
internal static class StagedRecordWalk
{
    public static void Walk<TVisitor>(ReadOnlySpan<byte> record, ref TVisitor visitor) where TVisitor : struct, IRecordVisitor
    {
        var r = new IndexSpanReader(record, 0, "staged record");
        visitor.String(RecordField.Id, r.VarInt());
        visitor.String(RecordField.Origin, r.VarInt());
        visitor.String(RecordField.Summary, r.VarInt());
        var flags = r.U8();
        visitor.Fixed([flags]);
        if ((flags & IndexRecordCodec.HasModified) != 0) visitor.Fixed(r.Raw(8));
        if ((flags & IndexRecordCodec.HasDatabaseSeverity) != 0) visitor.String(RecordField.DatabaseSeverity, r.VarInt());
        List(ref r, ref visitor, RecordField.Alias);
        List(ref r, ref visitor, RecordField.Severity);
        List(ref r, ref visitor, RecordField.Reference);
        var affected = Count(ref r, ref visitor);
        for (var i = 0; i < affected; i++)
        {
            visitor.String(RecordField.Ecosystem, r.VarInt());
            visitor.String(RecordField.Package, r.VarInt());
            var ranges = Count(ref r, ref visitor);
            for (var j = 0; j < ranges; j++)
            {
                visitor.Fixed([r.U8()]);
                var events = Count(ref r, ref visitor);
                for (var k = 0; k < events; k++)
                {
                    visitor.Fixed([r.U8()]);
                    visitor.String(RecordField.EventVersion, r.VarInt());
                }
            }
            List(ref r, ref visitor, RecordField.Version);
        }
        if ((flags & IndexRecordCodec.HasRustSec) == 0) return;
        List(ref r, ref visitor, RecordField.Patched);
        List(ref r, ref visitor, RecordField.Unaffected);
        if ((flags & IndexRecordCodec.HasInformational) != 0) visitor.String(RecordField.Informational, r.VarInt());
    }

    private static int Count<TVisitor>(ref IndexSpanReader r, ref TVisitor visitor) where TVisitor : struct, IRecordVisitor
    {
        var count = r.VarInt();
        visitor.Count(count);
        return count;
    }

    private static void List<TVisitor>(ref IndexSpanReader r, ref TVisitor visitor, RecordField field) where TVisitor : struct, IRecordVisitor
    {
        var count = Count(ref r, ref visitor);
        for (var i = 0; i < count; i++) visitor.String(field, r.VarInt());
    }
}
