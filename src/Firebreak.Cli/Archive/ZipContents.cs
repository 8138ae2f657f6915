using Firebreak.Domain.Common;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Firebreak.Cli.Archive;

/// <summary>
/// One entry of an archive as read: its size and SHA-256 as actually decompressed, and its bytes when they were kept.
/// An entry that could not be read (its problem already reported) has an empty digest.
/// </summary>
internal sealed record ZipItem(string Path, long Size, string Sha256, byte[]? Content)
{
    public bool Readable => Sha256.Length > 0;
}

/// <summary>
/// Reads a ZIP that may be hostile, within bounds, and says what is wrong instead of throwing. Names must be relative
/// paths with forward slashes: no absolute path, drive, backslash, empty, <c>.</c> or <c>..</c> segment, control
/// character or duplicate (also when only the letter case differs, which would overwrite on many file systems). Sizes
/// are checked as declared and as decompressed: an entry larger than <see cref="MaxEntryBytes"/>, a ratio beyond
/// <see cref="MaxRatio"/> for a large entry, or a total beyond <see cref="MaxTotalBytes"/> stops the reading (a ZIP
/// bomb). Every entry is hashed as it streams; only the small files the verifier parses are kept in memory.
/// </summary>
internal static class ZipContents
{
    public const int MaxEntries = 200_000;
    public const long MaxEntryBytes = 1L << 30;
    public const long MaxTotalBytes = 8L << 30;
    public const long MaxKeptBytes = 256L << 20;
    public const int MaxRatio = 1_000;

    /// <summary>The entries in order, or null with the reason (one line) when the file cannot be read as an archive at all.</summary>
    public static (List<ZipItem>? Items, List<string> Problems) Read(Stream file, Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(keep);
        var problems = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return (null, [$"not a readable ZIP archive ({OneLine(e.Message)})"]);
        }
        using (zip)
        {
            System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                entries = zip.Entries;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
            {
                return (null, [$"its list of entries is damaged ({OneLine(e.Message)})"]);
            }
            if (entries.Count > MaxEntries) return (null, [$"it holds {entries.Count} entries, more than the {MaxEntries} an archive may hold"]);
            var items = new List<ZipItem>(entries.Count);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in entries)
            {
                var name = entry.FullName;
                if (NameProblem(name) is { } bad)
                {
                    problems.Add($"{Shown(name)}: {bad}");
                    continue;
                }
                if (!seen.Add(name))
                {
                    problems.Add($"{name}: appears more than once in the archive");
                    continue;
                }
                if (entry.Length > MaxEntryBytes)
                    return (null, [$"{name}: declares {entry.Length} bytes, more than the {MaxEntryBytes} one entry may hold"]);
                if (entry.Length > 16 << 20 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxRatio)
                    return (null, [$"{name}: expands {entry.Length / entry.CompressedLength} times ({entry.CompressedLength} to {entry.Length} bytes), a ZIP bomb"]);
                if (total + entry.Length > MaxTotalBytes)
                    return (null, [$"{name}: the entries declare more than {MaxTotalBytes} bytes in all"]);
                var (item, problem) = ReadEntry(entry, keep(name));
                if (problem is not null)
                {
                    problems.Add($"{name}: {problem}");
                    if (item is null) return (null, problems);
                }
                total += item!.Size;
                items.Add(item);
            }
            return (items, problems);
        }
    }

    /// <summary>Hashes an entry as it decompresses, never past its declared size or the caps.</summary>
    private static (ZipItem? Item, string? Problem) ReadEntry(ZipArchiveEntry entry, bool keep)
    {
        var cap = Math.Min(entry.Length, keep ? MaxKeptBytes : MaxEntryBytes);
        if (keep && entry.Length > MaxKeptBytes) return (new ZipItem(entry.FullName, 0, "", null), $"declares {entry.Length} bytes, more than the {MaxKeptBytes} this file may hold");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var kept = keep ? new MemoryStream((int)cap) : null;
        var buffer = new byte[1 << 16];
        long read = 0;
        try
        {
            using var stream = entry.Open();
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
                if (read > cap) return (null, $"holds more than the {entry.Length} bytes it declares (a ZIP bomb or a damaged archive)");
                hash.AppendData(buffer, 0, n);
                kept?.Write(buffer, 0, n);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return (new ZipItem(entry.FullName, 0, "", null), $"cannot be read ({OneLine(e.Message)})");
        }
        if (read != entry.Length) return (new ZipItem(entry.FullName, 0, "", null), $"holds {read} bytes but declares {entry.Length}");
        return (new ZipItem(entry.FullName, read, Convert.ToHexStringLower(hash.GetHashAndReset()), kept?.ToArray()), null);
    }

    /// <summary>Why a name cannot be a file of an archive, or null when it is fine.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0) return "an entry has no name";
        if (name.Length > 1_024) return "the name is longer than 1,024 characters";
        if (name.Any(char.IsControl)) return "the name holds a control character";
        if (name.Contains('\\', StringComparison.Ordinal)) return "the name holds a backslash (paths use forward slashes)";
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':')) return "an absolute path (files of an archive are relative)";
        if (name.EndsWith('/')) return "a directory entry (an archive holds files only)";
        if (name.Split('/').Any(s => s is "" or "." or "..")) return "the path has an empty, '.' or '..' segment (it could escape the folder it is extracted to)";
        return null;
    }

    /// <summary>A hostile name as shown in a message: control characters replaced, cut at 200 characters.</summary>
    public static string Shown(string name)
    {
        var clean = new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
        return Excerpt.Clip(clean, 200);
    }

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
