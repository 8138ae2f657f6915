namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// What the derived tables read from a staged record (<see cref="StagedRecordWalk"/>): its id, whether it is
/// withdrawn, its aliases and its affected packages, as staged string numbers. Reused across records.
/// </summary>
internal struct RecordKeys : IRecordVisitor
{
    private bool _flagsSeen;

    public RecordKeys() { }

    public int Id { get; private set; }

    public bool Withdrawn { get; private set; }

    public List<int> Aliases { get; } = [];

    /// <summary>Per affected entry, in record order: its OSV ecosystem name and package name.</summary>
    public List<(int Ecosystem, int Package)> Affected { get; } = [];

    public void Read(byte[] record)
    {
        _flagsSeen = false;
        Aliases.Clear();
        Affected.Clear();
        StagedRecordWalk.Walk(record, ref this);
    }

    public void String(RecordField field, int number)
    {
        switch (field)
        {
            case RecordField.Id: Id = number; break;
            case RecordField.Alias: Aliases.Add(number); break;
            case RecordField.Ecosystem: Affected.Add((number, -1)); break;
            case RecordField.Package: Affected[^1] = (Affected[^1].Ecosystem, number); break;
            default: break;
        }
    }

    public readonly void Count(int count) { }

    public void Fixed(ReadOnlySpan<byte> bytes)
    {
        if (_flagsSeen) return;
        _flagsSeen = true;
        Withdrawn = (bytes[0] & IndexRecordCodec.Withdrawn) != 0;
    }
}
