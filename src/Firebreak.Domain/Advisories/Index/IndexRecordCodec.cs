using System.Buffers;
using System.Buffers.Binary;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// One record's bytes (docs/advisory-index.md, "Record"): strings are varint numbers into the string table,
/// lists a varint count then their items, optional parts announced by flag bits. The builder writes records
/// with staged string numbers (<see cref="StagedStrings"/>); the file writer renumbers them (<see cref="StagedRecordWalk"/>).
/// </summary>
internal static class IndexRecordCodec
{
    internal const byte Withdrawn = 1, HasModified = 2, HasDatabaseSeverity = 4, HasRustSec = 8, HasInformational = 16;

    public static void Write(IBufferWriter<byte> w, IndexedAdvisory record, StagedStrings strings)
    {
        var a = record.Advisory;
        void Str(string s) => VarInt(w, strings.Intern(s));
        void List(IReadOnlyList<string> items)
        {
            VarInt(w, items.Count);
            foreach (var item in items) Str(item);
        }
        Str(a.Id);
        Str(record.Origin);
        Str(a.Summary);
        var flags = (byte)((a.Withdrawn ? Withdrawn : 0) | (a.Modified is null ? 0 : HasModified) | (a.DatabaseSeverity is null ? 0 : HasDatabaseSeverity)
            | (record.RustSec is null ? 0 : HasRustSec) | (record.RustSec?.Informational is null ? 0 : HasInformational));
        Byte(w, flags);
        if (a.Modified is { } modified)
        {
            BinaryPrimitives.WriteInt64LittleEndian(w.GetSpan(8), modified.UtcTicks);
            w.Advance(8);
        }
        if (a.DatabaseSeverity is { } rating) Str(rating);
        List(a.Aliases);
        List(a.Severity);
        List(a.References ?? []);
        VarInt(w, a.Affected.Count);
        foreach (var affected in a.Affected)
        {
            Str(affected.EcosystemName);
            Str(affected.Package);
            VarInt(w, affected.Ranges.Count);
            foreach (var range in affected.Ranges)
            {
                Byte(w, (byte)range.Type);
                VarInt(w, range.Events.Count);
                foreach (var e in range.Events)
                {
                    Byte(w, (byte)e.Kind);
                    Str(e.Version);
                }
            }
            List(affected.Versions);
        }
        if (record.RustSec is not { } rustsec) return;
        List(rustsec.Patched);
        List(rustsec.Unaffected);
        if (rustsec.Informational is { } kind) Str(kind);
    }

    /// <summary>A 7-bit varint, as <see cref="BinaryWriter.Write7BitEncodedInt(int)"/> writes it.</summary>
    private static void VarInt(IBufferWriter<byte> w, int value)
    {
        var span = w.GetSpan(5);
        var used = 0;
        var rest = (uint)value;
        for (; rest >= 0x80; rest >>= 7) span[used++] = (byte)(rest | 0x80);
        span[used++] = (byte)rest;
        w.Advance(used);
    }

    private static void Byte(IBufferWriter<byte> w, byte value)
    {
        w.GetSpan(1)[0] = value;
        w.Advance(1);
    }

    public static IndexedAdvisory Read(ref IndexSpanReader r, IndexStrings strings, AdvisorySource source)
    {
        var id = Str(ref r, strings);
        var origin = Str(ref r, strings);
        var summary = Str(ref r, strings);
        var flags = r.U8();
        if (flags > 31) throw r.Fail($"unknown record flags {flags}");
        DateTimeOffset? modified = (flags & HasModified) == 0 ? null : Instant(ref r);
        var rating = (flags & HasDatabaseSeverity) == 0 ? null : Str(ref r, strings);
        var aliases = List(ref r, strings);
        var severity = List(ref r, strings);
        var references = List(ref r, strings);
        var affected = new OsvAffected[r.Count(3)];
        for (var i = 0; i < affected.Length; i++) affected[i] = Affected(ref r, strings);
        RustSecVersions? rustsec = (flags & HasRustSec) == 0 ? null
            : new RustSecVersions(List(ref r, strings), List(ref r, strings), (flags & HasInformational) == 0 ? null : Str(ref r, strings));
        var advisory = new OsvAdvisory(id, aliases, summary, (flags & Withdrawn) != 0, severity, affected, references, rating, modified);
        return new IndexedAdvisory(advisory, source, origin, rustsec);
    }

    private static OsvAffected Affected(ref IndexSpanReader r, IndexStrings strings)
    {
        var ecosystemName = Str(ref r, strings);
        var package = Str(ref r, strings);
        var ranges = new AffectedRange[r.Count(2)];
        for (var i = 0; i < ranges.Length; i++)
        {
            var type = r.U8();
            if (type > (byte)AffectedRangeType.Git) throw r.Fail($"unknown range type {type}");
            var events = new RangeEvent[r.Count(2)];
            for (var j = 0; j < events.Length; j++)
            {
                var kind = r.U8();
                if (kind > (byte)RangeEventKind.Limit) throw r.Fail($"unknown range event kind {kind}");
                events[j] = new RangeEvent((RangeEventKind)kind, Str(ref r, strings));
            }
            ranges[i] = new AffectedRange((AffectedRangeType)type, events);
        }
        Ecosystem? ecosystem = EcosystemNames.TryFromOsvName(ecosystemName, out var known) ? known : null;
        return new OsvAffected(ecosystemName, ecosystem, package, ranges, List(ref r, strings));
    }

    private static DateTimeOffset Instant(ref IndexSpanReader r)
    {
        var ticks = r.I64();
        return ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : throw r.Fail($"instant {ticks} out of range");
    }

    private static string Str(ref IndexSpanReader r, IndexStrings strings) => strings.Get(r.Below(strings.Count, "string"));

    private static string[] List(ref IndexSpanReader r, IndexStrings strings)
    {
        var items = new string[r.Count(1)];
        for (var i = 0; i < items.Length; i++) items[i] = Str(ref r, strings);
        return items;
    }
}
