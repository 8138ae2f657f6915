namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Assembles an index from sources. Within a source a record is identified by its id and the file holding
/// it (OSV ids are unique in a real database; fixture folders reuse them across files). Importing a source
/// that is already there (same kind and location) replaces its records by that identity — where the stored
/// copy was modified later than the imported one, the stored copy stays — and leaves every other source's
/// records untouched, so refreshing one feed never re-reads the others. Records are encoded as they are
/// imported (the builder holds bytes and one copy of each string, not the records' objects).
/// </summary>
public sealed class AdvisoryIndexBuilder
{
    private readonly List<IndexFeed> _feeds = [];

    internal RecordStaging Staging { get; } = new();

    /// <summary>The sources, in index order.</summary>
    public IReadOnlyList<AdvisorySource> Sources => [.. _feeds.Select(f => f.Source)];

    /// <summary>A builder holding everything an existing index holds, to refresh some of its sources.</summary>
    public static AdvisoryIndexBuilder From(AdvisoryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var builder = new AdvisoryIndexBuilder();
        var records = index.Sources.Select(_ => new List<StagedRecord>()).ToArray();
        for (var i = 0; i < index.RecordCount; i++)
        {
            var record = index.Decode(i);
            records[IndexOf(index.Sources, record.Source)].Add(builder.Staging.Stage(record));
        }
        for (var s = 0; s < index.Sources.Count; s++) builder._feeds.Add(new IndexFeed(index.Sources[s], records[s], index.KevEntries[s]));
        return builder;
    }

    /// <summary>Adds or replaces an OSV or RustSec source with these records; within the import, the later-modified copy of an id wins.</summary>
    public AdvisoryImportSummary Import(AdvisorySource source, IEnumerable<IndexedAdvisory> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var import = StartImport(source);
        import.AddFile(records);
        return import.Complete();
    }

    /// <summary>
    /// Starts adding or replacing an OSV or RustSec source file by file (<see cref="AdvisoryIndexImport.AddFile"/>),
    /// each record encoded as it is read; the source changes only at <see cref="AdvisoryIndexImport.Complete"/>.
    /// </summary>
    public AdvisoryIndexImport StartImport(AdvisorySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind == AdvisorySourceKind.Kev) throw new ArgumentException("KEV catalogs are imported with ImportKev.", nameof(source));
        return new AdvisoryIndexImport(this, source);
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
        AdvisoryIndexWriter.Write(output, _feeds, Staging.Strings);
    }

    /// <summary>The records stored for the feed <paramref name="source"/> names and its position, or (null, -1).</summary>
    internal (IReadOnlyList<StagedRecord>? Records, int Position) Stored(AdvisorySource source)
    {
        var position = _feeds.FindIndex(f => f.Source.SameFeedAs(source));
        return position < 0 ? (null, -1) : (_feeds[position].Records, position);
    }

    internal void Put(int position, IndexFeed feed)
    {
        if (position >= 0) _feeds[position] = feed;
        else _feeds.Add(feed);
    }

    private static int IndexOf(IReadOnlyList<AdvisorySource> sources, AdvisorySource source)
    {
        for (var i = 0; i < sources.Count; i++) if (ReferenceEquals(sources[i], source)) return i;
        throw new InvalidOperationException("A record names a source the index does not hold.");
    }
}
