namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// One record as the builder holds it between import and write: its bytes in the file's record encoding
/// (<see cref="IndexRecordCodec"/>) with strings numbered by <see cref="StagedStrings"/>, plus the two facts
/// deduplication reads without decoding: the identity (id, origin) and <c>modified</c>.
/// </summary>
/// <param name="Bytes">The encoded record.</param>
/// <param name="Id">The staged number of the record's id.</param>
/// <param name="Origin">The staged number of the file (or .zip entry) that held it.</param>
/// <param name="Modified">UTC ticks of <c>modified</c>; 0 (<see cref="DateTimeOffset.MinValue"/>) when absent, as dedupe compares them.</param>
internal readonly record struct StagedRecord(byte[] Bytes, int Id, int Origin, long Modified)
{
    public (int Id, int Origin) Key => (Id, Origin);
}
