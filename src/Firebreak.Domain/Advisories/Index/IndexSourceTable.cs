namespace Firebreak.Domain.Advisories.Index;

/// <summary>Reads the small sections eagerly: the sources (with their counts) and the KEV entries.</summary>
internal static class IndexSourceTable
{
    public static (List<AdvisorySource> Sources, List<int> RecordCounts, List<IReadOnlyDictionary<string, int>> Ecosystems) Read(IndexLayout layout, IndexStrings strings)
    {
        var r = layout.Reader(IndexSection.Sources);
        var count = (int)Math.Min(r.U32(), int.MaxValue);
        if ((long)count * 25 > r.Remaining) throw r.Fail($"source count {count} does not fit its section");
        var sources = new List<AdvisorySource>(count);
        var records = new List<int>(count);
        var ecosystems = new List<IReadOnlyDictionary<string, int>>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = r.U8();
            if (!Enum.IsDefined((AdvisorySourceKind)kind)) throw r.Fail($"unknown source kind {kind}");
            var location = Str(ref r, strings);
            var ticks = r.I64();
            if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) throw r.Fail("retrieval time out of range");
            var version = Str(ref r, strings);
            sources.Add(new AdvisorySource((AdvisorySourceKind)kind, location, new DateTimeOffset(ticks, TimeSpan.Zero), version));
            records.Add((int)Math.Min(r.U32(), int.MaxValue));
            var pairs = (int)Math.Min(r.U32(), int.MaxValue);
            if ((long)pairs * 8 > r.Remaining) throw r.Fail($"ecosystem count {pairs} does not fit its section");
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < pairs; j++) counts[Str(ref r, strings)] = (int)Math.Min(r.U32(), int.MaxValue);
            ecosystems.Add(counts);
        }
        return (sources, records, ecosystems);
    }

    public static List<KevEntry>[] ReadKev(IndexLayout layout, IndexStrings strings, IReadOnlyList<AdvisorySource> sources)
    {
        var r = layout.Reader(IndexSection.Kev);
        var count = (int)Math.Min(r.U32(), int.MaxValue);
        if ((long)count * 34 > r.Remaining) throw r.Fail($"KEV entry count {count} does not fit its section");
        var entries = sources.Select(_ => new List<KevEntry>()).ToArray();
        for (var i = 0; i < count; i++)
        {
            if (r.I16() is var source && (source < 0 || source >= sources.Count)) throw r.Fail("KEV entry names a missing source");
            var texts = new string[6];
            for (var j = 0; j < texts.Length; j++) texts[j] = Str(ref r, strings);
            entries[source].Add(new KevEntry(texts[0], texts[1], texts[2], texts[3], Day(ref r), Day(ref r), texts[4], texts[5]));
        }
        return entries;
    }

    private static DateOnly Day(ref IndexSpanReader r)
    {
        var day = (int)r.U32();
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : throw r.Fail($"day number {day} out of range");
    }

    private static string Str(ref IndexSpanReader r, IndexStrings strings)
    {
        var id = r.U32();
        return id < strings.Count ? strings.Get((int)id) : throw r.Fail($"string {id} out of range");
    }
}
