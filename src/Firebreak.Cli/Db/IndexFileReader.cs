using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Firebreak.Cli.Db;

/// <summary>
/// Opens an index file for reading. A file of any size is mapped read-only rather than copied: a scan touches the
/// header, the tables and the few records its packages name, and the page cache already holds the bytes, so copying
/// 40 MB into a fresh array (zeroing it first) was the largest single cost of `scan --db` (docs/benchmarks.md).
/// On Linux the mapping is populated in one call, so the checksum pass does not fault page by page.
/// The mapping lives as long as the process: the CLI replaces an index by renaming a new file over it
/// (<see cref="AdvisoryDbFile.Save"/>), which leaves a mapped old file intact, and never writes one in place.
/// A file too small to map (empty) is read into an array, so its error message stays the index's own.
/// </summary>
internal static partial class IndexFileReader
{
    private const int MadvPopulateRead = 22; // Linux 5.14+; older kernels refuse it and the pages fault in as used

    public static ReadOnlyMemory<byte> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var length = stream.Length;
        if (length > Array.MaxLength) throw new IOException($"{path}: larger than an index can be.");
        if (length < 4096)
        {
            var small = new byte[length];
            stream.ReadExactly(small);
            return small;
        }
        return new MappedFile(stream, (int)length).Memory;
    }

    /// <summary>A read-only view of a whole file as memory; never unmapped (see the class remarks).</summary>
    private sealed unsafe class MappedFile : MemoryManager<byte>
    {
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _start;
        private readonly int _length;

        public MappedFile(FileStream stream, int length)
        {
            _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            _view = _file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            _start = start + _view.PointerOffset;
            _length = length;
            if (OperatingSystem.IsLinux()) _ = Madvise((nint)start, (nuint)length, MadvPopulateRead); // advice only
        }

        public override Span<byte> GetSpan() => new(_start, _length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
