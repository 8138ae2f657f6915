namespace Firebreak.Domain.Advisories.Index;

/// <summary>Orders UTF-8 byte strings bytewise, the order the reader's binary searches assume.</summary>
internal sealed class Utf8Order : IComparer<byte[]>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
