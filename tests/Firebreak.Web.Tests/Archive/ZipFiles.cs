using System.IO.Compression;
using Firebreak.Cli.Archive;

namespace Firebreak.Web.Tests.Archive;

/// <summary>Opens an archive into its files and writes files back into one, so tests can change exactly one thing.</summary>
internal static class ZipFiles
{
    public static List<(string Path, byte[] Content)> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    public static byte[] Write(IEnumerable<(string Path, byte[] Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = archive.CreateEntry(path).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static ArchiveVerdict Verify(byte[] zip, NSec.Cryptography.PublicKey? pinned = null)
    {
        using var stream = new MemoryStream(zip);
        return ArchiveVerifier.Verify(stream, pinned);
    }

    public static string Text(this List<(string Path, byte[] Content)> files, string path) =>
        System.Text.Encoding.UTF8.GetString(files.Single(f => f.Path == path).Content);
}
