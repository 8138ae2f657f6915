using System.Buffers.Binary;
using System.Text;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Writes the index file (docs/advisory-index.md) from staged records: each section but the strings to its
/// own buffer, renumbering the staged strings in the order the sections reach them, then the checksum over
/// the table and sections in order, then header, table and sections straight to the output. The string
/// table is encoded piecewise twice (checksum, output) and the file is never assembled in memory.
/// </summary>
internal static class AdvisoryIndexWriter
{
    public static void Write(Stream output, IReadOnlyList<IndexFeed> feeds, StagedStrings staged)
    {
        var strings = new IndexStringTable(staged);
        var current = new IndexDerivedTables([.. feeds.SelectMany(f => f.Records)], staged);
        var sections = new ArraySegment<byte>[IndexFormat.SectionCount];
        sections[(int)IndexSection.Sources] = Section(w => Sources(w, feeds, strings, staged));
        sections[(int)IndexSection.Records] = Records(feeds, strings);
        sections[(int)IndexSection.Packages] = Section(w => Packages(w, current, strings));
        sections[(int)IndexSection.Postings] = Section(w =>
        {
            w.Write((uint)current.Packages.Sum(p => p.Postings.Count));
            foreach (var (record, affected) in current.Packages.SelectMany(p => p.Postings))
            {
                w.Write((uint)record);
                w.Write((uint)affected);
            }
        });
        sections[(int)IndexSection.Ids] = Section(w =>
        {
            w.Write((uint)current.Ids.Count);
            foreach (var (id, vulnerability) in current.Ids)
            {
                w.Write((uint)strings.Map(id));
                w.Write((uint)vulnerability);
            }
        });
        sections[(int)IndexSection.Groups] = Section(w => Groups(w, current));
        sections[(int)IndexSection.Kev] = Section(w => Kev(w, feeds, strings));
        Assemble(output, sections, strings);
    }

    private static void Sources(BinaryWriter w, IReadOnlyList<IndexFeed> feeds, IndexStringTable strings, StagedStrings staged)
    {
        w.Write((uint)feeds.Count);
        var keys = new RecordKeys();
        var distinct = new HashSet<int>();
        foreach (var feed in feeds)
        {
            w.Write((byte)feed.Source.Kind);
            w.Write((uint)strings.Id(feed.Source.Location));
            w.Write(feed.Source.RetrievedAt.UtcTicks);
            w.Write((uint)strings.Id(feed.Source.CatalogVersion));
            w.Write((uint)feed.RecordCount);
            // How many records affect each ecosystem name (a record counted once per name), ordered by name.
            var counts = new Dictionary<int, int>();
            foreach (var record in feed.Records)
            {
                keys.Read(record.Bytes);
                distinct.Clear();
                foreach (var (ecosystem, _) in keys.Affected)
                    if (distinct.Add(ecosystem)) counts[ecosystem] = counts.GetValueOrDefault(ecosystem) + 1;
            }
            w.Write((uint)counts.Count);
            foreach (var (ecosystem, count) in counts.OrderBy(c => staged[c.Key], StringComparer.Ordinal))
            {
                w.Write((uint)strings.Map(ecosystem));
                w.Write((uint)count);
            }
        }
    }

    /// <summary>
    /// The records section (u32 count, per record u32 offset and u16 source, u32 data length, the data) in one
    /// array of its exact size: a first pass numbers the strings and sizes each record, the second writes it.
    /// </summary>
    private static ArraySegment<byte> Records(IReadOnlyList<IndexFeed> feeds, IndexStringTable strings)
    {
        var count = feeds.Sum(f => f.Records.Count);
        var sizing = new RecordSizing(strings);
        foreach (var record in feeds.SelectMany(f => f.Records)) StagedRecordWalk.Walk(record.Bytes, ref sizing);
        var table = 4 + count * IndexTables.RecordEntryLength + 4;
        var section = new byte[table + sizing.Bytes];
        BinaryPrimitives.WriteUInt32LittleEndian(section, (uint)count);
        BinaryPrimitives.WriteUInt32LittleEndian(section.AsSpan(table - 4), (uint)sizing.Bytes);
        var copy = new RecordRenumbering(section, table, strings);
        var entry = 4;
        for (var s = 0; s < feeds.Count; s++)
        {
            foreach (var record in feeds[s].Records)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(section.AsSpan(entry), (uint)(copy.Position - table));
                BinaryPrimitives.WriteUInt16LittleEndian(section.AsSpan(entry + 4), (ushort)s);
                entry += IndexTables.RecordEntryLength;
                StagedRecordWalk.Walk(record.Bytes, ref copy);
            }
        }
        return section;
    }

    private static void Packages(BinaryWriter w, IndexDerivedTables current, IndexStringTable strings)
    {
        w.Write((uint)current.Packages.Count);
        var first = 0;
        foreach (var package in current.Packages)
        {
            w.Write((byte)package.Ecosystem);
            w.Write((uint)strings.Id(package.Name));
            w.Write((uint)first);
            w.Write((uint)package.Postings.Count);
            first += package.Postings.Count;
        }
    }

    private static void Groups(BinaryWriter w, IndexDerivedTables current)
    {
        w.Write((uint)(current.GroupStarts.Length - 1));
        foreach (var start in current.GroupStarts) w.Write((uint)start);
        foreach (var member in current.Members) w.Write((uint)member);
    }

    private static void Kev(BinaryWriter w, IReadOnlyList<IndexFeed> feeds, IndexStringTable strings)
    {
        w.Write((uint)feeds.Sum(f => f.Kev.Count));
        for (var s = 0; s < feeds.Count; s++)
        {
            foreach (var e in feeds[s].Kev)
            {
                w.Write((ushort)s);
                foreach (var text in new[] { e.CveId, e.VendorProject, e.Product, e.VulnerabilityName, e.KnownRansomwareCampaignUse, e.RequiredAction })
                    w.Write((uint)strings.Id(text));
                w.Write(e.DateAdded.DayNumber);
                w.Write(e.DueDate.DayNumber);
            }
        }
    }

    private static ArraySegment<byte> Section(Action<BinaryWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) write(writer);
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Assemble(Stream output, ArraySegment<byte>[] sections, IndexStringTable strings)
    {
        var lengths = sections.Select(s => (long)s.Count).ToArray();
        lengths[(int)IndexSection.Strings] = strings.SectionLength();
        var length = IndexFormat.PayloadStart + lengths.Sum();
        var head = new byte[IndexFormat.PayloadStart];
        IndexFormat.Magic.CopyTo(head);
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(8), IndexFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), IndexFormat.SectionCount);
        BinaryPrimitives.WriteUInt64LittleEndian(head.AsSpan(16), (ulong)length);
        long offset = IndexFormat.PayloadStart;
        for (var i = 0; i < sections.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(head.AsSpan(IndexFormat.HeaderLength + i * 16), (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(head.AsSpan(IndexFormat.HeaderLength + i * 16 + 8), (ulong)lengths[i]);
            offset += lengths[i];
        }
        var crc = IndexChecksum.Update(~0u, head.AsSpan(IndexFormat.ChecksumFrom));
        foreach (var piece in Payload(sections, strings)) crc = IndexChecksum.Update(crc, piece);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(24), ~crc);
        output.Write(head);
        foreach (var piece in Payload(sections, strings)) output.Write(piece);
    }

    /// <summary>The sections in file order; the strings (section 0) encoded piecewise as they are reached.</summary>
    private static IEnumerable<ArraySegment<byte>> Payload(ArraySegment<byte>[] sections, IndexStringTable strings)
    {
        foreach (var piece in strings.Pieces()) yield return piece;
        for (var i = 1; i < sections.Length; i++) yield return sections[i];
    }
}
