namespace Firebreak.Domain.Advisories.Index;

/// <summary>Copies a staged record to the file's record data with its strings renumbered into the file's string table.</summary>
internal readonly struct RecordRenumbering(BinaryWriter output, IndexStringTable strings) : IRecordVisitor
{
    public void String(RecordField field, int number) => output.Write7BitEncodedInt(strings.Map(number));

    public void Count(int count) => output.Write7BitEncodedInt(count);

    public void Fixed(ReadOnlySpan<byte> bytes) => output.Write(bytes);
}
