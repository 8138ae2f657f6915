using System.IO.Compression;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// Writes archive files into a ZIP so that the same files give the same bytes: entries in the order given, every entry
/// dated 1980-01-01 00:00 (the first instant a ZIP can record; the real instants are inside the files), one compression
/// level, no directory entries and no extra fields. It writes forward only, so a response body can be the target.
/// </summary>
internal sealed class DeterministicZip : IAsyncDisposable
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ZipArchive _zip;

    public DeterministicZip(Stream target) => _zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);

    public async Task AddAsync(string path, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entry = _zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = Epoch;
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(content, ct);
    }

    public async Task AddAsync(ArchiveFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        await AddAsync(file.Path, file.Content, ct);
    }

    public ValueTask DisposeAsync() => _zip.DisposeAsync();

    /// <summary>The files as one ZIP in memory.</summary>
    public static async Task<byte[]> BytesOfAsync(IEnumerable<ArchiveFile> files, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var zip = new DeterministicZip(buffer))
        {
            foreach (var file in files) await zip.AddAsync(file, ct);
        }
        return buffer.ToArray();
    }
}
