using System.Text;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// A loaded advisory index file (docs/advisory-index.md). Loading checks the header, checksum and every
/// table's cross-references but decodes no record; a lookup binary-searches the package table and decodes
/// only that package's records, caching them, so a second scan of the same components is warm.
/// Damage is reported as <see cref="AdvisoryIndexFormatException"/>, never as another exception.
/// </summary>
public sealed class AdvisoryIndex
{
    private readonly IndexLayout _layout;
    private readonly IndexStrings _strings;
    private readonly IndexTables _tables;
    private readonly IndexedAdvisory?[] _records;
    private readonly PackageCandidates?[] _packages;

    private AdvisoryIndex(ReadOnlyMemory<byte> bytes, string file)
    {
        _layout = new IndexLayout(bytes, file);
        _strings = new IndexStrings(bytes, _layout[IndexSection.Strings].Offset, _layout[IndexSection.Strings].Length, file);
        var sources = IndexSourceTable.Read(_layout, _strings);
        Sources = sources.Sources;
        EcosystemCounts = sources.Ecosystems;
        SourceRecordCounts = sources.RecordCounts;
        _tables = new IndexTables(_layout, _strings.Count, Sources.Count);
        KevEntries = IndexSourceTable.ReadKev(_layout, _strings, Sources);
        var kevSources = Sources.Where(s => s.Kind == AdvisorySourceKind.Kev).ToList();
        Kev = kevSources.Count == 0 ? null : KevCatalog.FromEntries(string.Join(", ", kevSources.Select(s => s.CatalogVersion)), [.. KevEntries.SelectMany(e => e)]);
        _records = new IndexedAdvisory?[_tables.RecordCount];
        _packages = new PackageCandidates?[_tables.PackageCount];
    }

    /// <summary>The imports, in index order.</summary>
    public IReadOnlyList<AdvisorySource> Sources { get; }

    /// <summary>Per source: its record count (KEV: its entries).</summary>
    public IReadOnlyList<int> SourceRecordCounts { get; }

    /// <summary>Per source: how many of its records affect each OSV ecosystem name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, int>> EcosystemCounts { get; }

    /// <summary>How many records the index holds (KEV entries not counted).</summary>
    public int RecordCount => _tables.RecordCount;

    /// <summary>Per source: its KEV entries (empty for OSV and RustSec sources).</summary>
    public IReadOnlyList<IReadOnlyList<KevEntry>> KevEntries { get; }

    /// <summary>The KEV entries of every KEV source (the first entry of a CVE wins); null when none was imported.</summary>
    public KevCatalog? Kev { get; }

    /// <summary>Reads an index from a stream (its remaining bytes).</summary>
    public static AdvisoryIndex Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position, int.MaxValue) : 0);
        stream.CopyTo(buffer);
        return Load(buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray(), file);
    }

    /// <summary>Loads an index from its bytes; <paramref name="file"/> names it in errors.</summary>
    public static AdvisoryIndex Load(byte[] bytes, string file) => new(bytes ?? throw new ArgumentNullException(nameof(bytes)), file ?? "");

    /// <summary>
    /// Loads an index from memory the caller keeps unchanged and alive as long as the index is used (a read-only
    /// mapping of the file, say); <paramref name="file"/> names it in errors.
    /// </summary>
    public static AdvisoryIndex Load(ReadOnlyMemory<byte> bytes, string file) => new(bytes, file ?? "");

    /// <summary>Record <paramref name="number"/> (0 ≤ number &lt; <see cref="RecordCount"/>).</summary>
    public IndexedAdvisory Record(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, RecordCount);
        if (Volatile.Read(ref _records[number]) is { } cached) return cached;
        var decoded = Decode(number);
        // Publish once: threads racing to decode the same record all get the first copy stored.
        return Interlocked.CompareExchange(ref _records[number], decoded, null) ?? decoded;
    }

    /// <summary>Record <paramref name="number"/> decoded afresh and not cached: a builder refreshing the index reads every record once.</summary>
    internal IndexedAdvisory Decode(int number)
    {
        var (offset, length) = _tables.RecordSpan(number);
        var reader = new IndexSpanReader(_layout.Bytes.Slice(offset, length), offset, _layout.File);
        return IndexRecordCodec.Read(ref reader, _strings, Sources[_tables.SourceOf(number)]);
    }

    /// <summary>Every record in index order (decoding all of them; matching never needs this).</summary>
    public IEnumerable<IndexedAdvisory> Records => Enumerable.Range(0, RecordCount).Select(Record);

    /// <summary>The records, not withdrawn, affecting a package (name as OSV writes it); only that package's postings are decoded.</summary>
    public IReadOnlyList<IndexedAdvisory> Lookup(Ecosystem ecosystem, string package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var entry = FindPackage(ecosystem, OsvMatcher.NormaliseName(ecosystem, package));
        if (entry < 0) return [];
        return [.. Candidates(entry).Records.Distinct().Select(Record)];
    }

    /// <summary>
    /// A matcher over the index's records; without <paramref name="includeRustSec"/>, only records from OSV
    /// sources. Findings are flagged from <paramref name="kev"/>, else from the index's own KEV entries.
    /// Matchers of one index share its decoded records and parsed bounds; any may be used from several threads.
    /// </summary>
    public OsvMatcher CreateMatcher(bool includeRustSec = true, KevCatalog? kev = null) =>
        new((ecosystem, normalised) => FindPackage(ecosystem, normalised) is var entry and >= 0
            ? (includeRustSec ? Candidates(entry).All : Candidates(entry).Osv) : Array.Empty<OsvCandidate>(), kev ?? Kev);

    /// <summary>The records converted from RustSec, given back as RustSec advisories (for Cargo.lock audits).</summary>
    public IReadOnlyList<RustSecAdvisory> RustSecAdvisories()
    {
        var list = new List<RustSecAdvisory>();
        for (var i = 0; i < RecordCount; i++)
        {
            if (Sources[_tables.SourceOf(i)].Kind != AdvisorySourceKind.RustSec) continue;
            if (!RustSecConversion.TryToRustSec(Record(i), out var advisory))
                throw _layout.Corrupt(-1, $"record {i} ({Record(i).Advisory.Id}) has RustSec requirements that do not parse.");
            list.Add(advisory!);
        }
        return list;
    }

    /// <summary>The vulnerability an id or alias belongs to, merging every record that shares one of its ids; null when unknown.</summary>
    public IndexedVulnerability? FindVulnerability(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = Encoding.UTF8.GetBytes(id);
        int low = 0, high = _tables.IdCount - 1;
        while (low <= high)
        {
            var mid = low + (high - low) / 2;
            var at = _tables.Ids + mid * IndexFormat.IdEntryLength;
            var order = _strings.Utf8((int)_layout.U32(at)).SequenceCompareTo(key);
            if (order == 0) return Vulnerability((int)_layout.U32(at + 4));
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return null;
    }

    private IndexedVulnerability Vulnerability(int group)
    {
        var start = (int)_layout.U32(_tables.Groups + group * 4);
        var end = (int)_layout.U32(_tables.Groups + (group + 1) * 4);
        var records = Enumerable.Range(start, end - start).Select(m => Record((int)_layout.U32(_tables.Members + m * 4))).ToList();
        var ids = records.SelectMany(r => r.Ids).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new IndexedVulnerability(ids, records, Kev?.Find(ids));
    }

    private int FindPackage(Ecosystem ecosystem, ReadOnlySpan<char> normalised)
    {
        Span<byte> buffer = stackalloc byte[512];
        var key = Encoding.UTF8.GetMaxByteCount(normalised.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(normalised, buffer)] : Encoding.UTF8.GetBytes(normalised.ToArray());
        int low = 0, high = _tables.PackageCount - 1;
        while (low <= high)
        {
            var mid = low + (high - low) / 2;
            var at = _tables.Packages + mid * IndexFormat.PackageEntryLength;
            var order = _layout.Bytes[at].CompareTo((byte)ecosystem);
            if (order == 0) order = _strings.Utf8((int)_layout.U32(at + 1)).SequenceCompareTo(key);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return -1;
    }

    private PackageCandidates Candidates(int entry)
    {
        if (Volatile.Read(ref _packages[entry]) is { } cached) return cached;
        var at = _tables.Packages + entry * IndexFormat.PackageEntryLength;
        var ecosystem = (Ecosystem)_layout.Bytes[at];
        var first = (int)_layout.U32(at + 5);
        var all = new OsvCandidate[(int)_layout.U32(at + 9)];
        var numbers = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            var posting = _tables.Postings + (first + i) * IndexFormat.PostingLength;
            numbers[i] = (int)_layout.U32(posting);
            var record = Record(numbers[i]).Advisory;
            var affected = _layout.U32(posting + 4);
            if (affected >= record.Affected.Count) throw _layout.Corrupt(posting, $"posting names affected entry {affected} of {record.Id}, which has {record.Affected.Count}.");
            all[i] = new OsvCandidate(record, record.Affected[(int)affected], ecosystem);
        }
        OsvCandidate[] osv = [.. all.Where((_, i) => Sources[_tables.SourceOf(numbers[i])].Kind != AdvisorySourceKind.RustSec)];
        var made = new PackageCandidates(numbers, all, osv);
        // Publish once, so every matcher and thread shares one set of candidates and their parsed bounds.
        return Interlocked.CompareExchange(ref _packages[entry], made, null) ?? made;
    }

    /// <summary>A package's postings decoded: record numbers, every candidate, and those from OSV sources (the same instances).</summary>
    private sealed record PackageCandidates(int[] Records, OsvCandidate[] All, OsvCandidate[] Osv);
}
