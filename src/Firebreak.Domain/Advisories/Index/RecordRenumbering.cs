namespace Firebreak.Domain.Advisories.Index;

/// <summary>Copies a staged record into the file's record data with its strings renumbered into the file's string table.</summary>
internal struct RecordRenumbering(byte[] output, int position, IndexStringTable strings) : IRecordVisitor
{
    /// <summary>Where the next byte goes in the output.</summary>
    public int Position { get; private set; } = position;

    public void String(RecordField field, int number) => VarInt(strings.Map(number));

    public void Count(int count) => VarInt(count);

    public void Fixed(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.AsSpan(Position));
        Position += bytes.Length;
    }

    private void VarInt(int value)
    {
        var rest = (uint)value;
        for (; rest >= 0x80; rest >>= 7) output[Position++] = (byte)(rest | 0x80);
        output[Position++] = (byte)rest;
    }
}

/// <summary>Numbers a staged record's strings in the file's string table and counts the bytes <see cref="RecordRenumbering"/> will write for it.</summary>
internal struct RecordSizing(IndexStringTable strings) : IRecordVisitor
{
    public long Bytes { get; private set; }

    public void String(RecordField field, int number) => Bytes += Size(strings.Map(number));

    public void Count(int count) => Bytes += Size(count);

    public void Fixed(ReadOnlySpan<byte> bytes) => Bytes += bytes.Length;

    private static int Size(int value) => (uint)value switch { < 1u << 7 => 1, < 1u << 14 => 2, < 1u << 21 => 3, < 1u << 28 => 4, _ => 5 };
}
