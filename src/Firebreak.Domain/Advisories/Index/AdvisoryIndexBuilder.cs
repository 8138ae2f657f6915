namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Assembles an index from sources. Within a source a record is identified by its id and the file holding
/// it (OSV ids are unique in a real database; fixture folders reuse them across files). Importing a source
/// that is already there (same kind and location) replaces its records by that identity — where the stored
/// copy was modified later than the imported one, the stored copy stays — and leaves every other source's
/// records untouched, so refreshing one feed never re-reads the others.
/// </summary>
public sealed class AdvisoryIndexBuilder
{
    private readonly List<IndexFeed> _feeds = [];

    /// <summary>The sources, in index order.</summary>
    public IReadOnlyList<AdvisorySource> Sources => [.. _feeds.Select(f => f.Source)];

    /// <summary>A builder holding everything an existing index holds, to refresh some of its sources.</summary>
    public static AdvisoryIndexBuilder From(AdvisoryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var builder = new AdvisoryIndexBuilder();
        var records = index.Sources.Select(_ => new List<IndexedAdvisory>()).ToArray();
        for (var i = 0; i < index.RecordCount; i++)
        {
            var record = index.Record(i);
            records[IndexOf(index.Sources, record.Source)].Add(record);
        }
        for (var s = 0; s < index.Sources.Count; s++) builder._feeds.Add(new IndexFeed(index.Sources[s], records[s], index.KevEntries[s]));
        return builder;
    }

    /// <summary>Adds or replaces an OSV or RustSec source with these records; within the import, the later-modified copy of an id wins.</summary>
    public AdvisoryImportSummary Import(AdvisorySource source, IEnumerable<IndexedAdvisory> records)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(records);
        if (source.Kind == AdvisorySourceKind.Kev) throw new ArgumentException("KEV catalogs are imported with ImportKev.", nameof(source));
        var byId = new Dictionary<(string, string), IndexedAdvisory>();
        foreach (var record in records)
        {
            if (!byId.TryGetValue(Key(record), out var held) || !IsNewer(held, record)) byId[Key(record)] = record with { Source = source };
        }
        var keptNewer = 0;
        var removed = 0;
        var position = _feeds.FindIndex(f => f.Source.SameFeedAs(source));
        if (position >= 0)
        {
            foreach (var stored in _feeds[position].Records)
            {
                if (!byId.TryGetValue(Key(stored), out var imported)) removed++;
                else if (IsNewer(stored, imported))
                {
                    byId[Key(stored)] = stored with { Source = source };
                    keptNewer++;
                }
            }
        }
        Put(position, new IndexFeed(source, [.. byId.Values], []));
        return new AdvisoryImportSummary(byId.Count, position >= 0, keptNewer, removed);
    }

    /// <summary>Adds or replaces a KEV source with the catalog's entries.</summary>
    public AdvisoryImportSummary ImportKev(AdvisorySource source, KevCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalog);
        var position = _feeds.FindIndex(f => f.Source.SameFeedAs(source));
        var removed = position < 0 ? 0 : _feeds[position].Kev.Select(e => e.CveId).Except(catalog.Entries.Select(e => e.CveId), StringComparer.OrdinalIgnoreCase).Count();
        Put(position, new IndexFeed(source with { Kind = AdvisorySourceKind.Kev, CatalogVersion = catalog.CatalogVersion }, [], catalog.Entries));
        return new AdvisoryImportSummary(catalog.Entries.Count, position >= 0, 0, removed);
    }

    /// <summary>Writes the index file.</summary>
    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_feeds.Count > ushort.MaxValue) throw new InvalidOperationException("An index holds at most 65,535 sources.");
        AdvisoryIndexWriter.Write(output, _feeds);
    }

    private void Put(int position, IndexFeed feed)
    {
        if (position >= 0) _feeds[position] = feed;
        else _feeds.Add(feed);
    }

    private static (string Id, string Origin) Key(IndexedAdvisory record) => (record.Advisory.Id, record.Origin);

    private static bool IsNewer(IndexedAdvisory a, IndexedAdvisory b) =>
        (a.Advisory.Modified ?? DateTimeOffset.MinValue) > (b.Advisory.Modified ?? DateTimeOffset.MinValue);

    private static int IndexOf(IReadOnlyList<AdvisorySource> sources, AdvisorySource source)
    {
        for (var i = 0; i < sources.Count; i++) if (ReferenceEquals(sources[i], source)) return i;
        throw new InvalidOperationException("A record names a source the index does not hold.");
    }
}
