namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// One OSV or RustSec source being imported into an <see cref="AdvisoryIndexBuilder"/>, file by file. Each
/// record is encoded as it is read; a record and a later-read copy with the same id and origin keep the one
/// modified later (the later-read one on a tie). The builder's source changes only at <see cref="Complete"/>.
/// </summary>
public sealed class AdvisoryIndexImport
{
    private readonly AdvisoryIndexBuilder _builder;
    private readonly AdvisorySource _source;
    private readonly List<StagedRecord> _records = [];
    private readonly Dictionary<(int, int), int> _positions = [];
    private bool _completed;

    internal AdvisoryIndexImport(AdvisoryIndexBuilder builder, AdvisorySource source)
    {
        _builder = builder;
        _source = source;
    }

    /// <summary>Records read so far by the files that were added whole (before deduplication).</summary>
    public int Read { get; private set; }

    /// <summary>
    /// Stages the records of one file as they are enumerated. If the enumeration throws, every record this
    /// file gave is dropped again and the exception propagates: a file is imported whole or not at all.
    /// </summary>
    public void AddFile(IEnumerable<IndexedAdvisory> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_completed) throw new InvalidOperationException("This import is complete; start another.");
        var mark = _records.Count;
        var read = 0;
        List<(int Position, StagedRecord Previous)>? replaced = null;
        try
        {
            foreach (var record in records)
            {
                var staged = _builder.Staging.Stage(record);
                read++;
                if (!_positions.TryGetValue(staged.Key, out var position))
                {
                    _positions[staged.Key] = _records.Count;
                    _records.Add(staged);
                }
                else if (_records[position].Modified <= staged.Modified)
                {
                    if (position < mark) (replaced ??= []).Add((position, _records[position]));
                    _records[position] = staged;
                }
            }
        }
        catch
        {
            for (var i = (replaced?.Count ?? 0) - 1; i >= 0; i--) _records[replaced![i].Position] = replaced[i].Previous;
            for (var i = mark; i < _records.Count; i++) _positions.Remove(_records[i].Key);
            _records.RemoveRange(mark, _records.Count - mark);
            throw;
        }
        Read += read;
    }

    /// <summary>Puts the source into the builder (replacing a stored copy of it, whose later-modified records stay) and says what changed.</summary>
    public AdvisoryImportSummary Complete()
    {
        if (_completed) throw new InvalidOperationException("This import is complete; start another.");
        _completed = true;
        var (stored, position) = _builder.Stored(_source);
        var keptNewer = 0;
        var removed = 0;
        foreach (var record in stored ?? [])
        {
            if (!_positions.TryGetValue(record.Key, out var at)) removed++;
            else if (record.Modified > _records[at].Modified)
            {
                _records[at] = record;
                keptNewer++;
            }
        }
        _builder.Put(position, new IndexFeed(_source, _records, []));
        return new AdvisoryImportSummary(_records.Count, position >= 0, keptNewer, removed);
    }
}
