namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// A cache slot per number (string, record, package) whose storage is made in pages of 1,024 slots as they are first
/// touched. A scan touches a few thousand of an index's million strings and hundreds of thousands of records, so one
/// array per table was megabytes of zeroed memory made on every load (and large-object allocations that set off
/// full collections) for slots that stay empty. Values are published once: racing threads all get the first stored.
/// </summary>
internal sealed class SparseCache<T>(int count) where T : class
{
    private const int Shift = 10;
    private const int Mask = (1 << Shift) - 1;
    private readonly T?[]?[] _pages = new T?[]?[(count + Mask) >> Shift];

    public T? Get(int number) => Volatile.Read(ref _pages[number >> Shift]) is { } page ? Volatile.Read(ref page[number & Mask]) : null;

    /// <summary>Stores <paramref name="value"/> unless a value is there already; returns the one kept.</summary>
    public T Publish(int number, T value)
    {
        ref var slot = ref _pages[number >> Shift];
        var page = Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, new T?[1 << Shift], null) ?? slot!;
        return Interlocked.CompareExchange(ref page[number & Mask], value, null) ?? value;
    }
}
