using System.Runtime.InteropServices;

namespace Firebreak.Cli.Db;

/// <summary>
/// Reads the whole index file into one array. On Linux the array is pinned and advised as a candidate for transparent
/// huge pages before the read, so the kernel backs its tens of megabytes with 2 MB pages instead of faulting in
/// thousands of 4 KB ones (measured: most of a scan's system time was those faults). Anywhere else, or if the advice
/// is refused, it is an ordinary read.
/// </summary>
internal static partial class IndexFileReader
{
    private const int MadvHugepage = 14;
    private const long HugePage = 2 * 1024 * 1024;

    public static byte[] Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"{path}: larger than an index can be.");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length, pinned: length >= HugePage);
        if (length >= HugePage && OperatingSystem.IsLinux()) Advise(bytes);
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) throw new IOException($"{path}: the file shrank while it was read.");
            read += n;
        }
        return bytes;
    }

    private static unsafe void Advise(byte[] pinned)
    {
        fixed (byte* start = pinned)
        {
            var first = ((long)start + HugePage - 1) & ~(HugePage - 1);
            var end = ((long)start + pinned.Length) & ~(HugePage - 1);
            if (end > first) _ = Madvise((nint)first, (nuint)(end - first), MadvHugepage); // advice only: a refusal changes nothing
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
