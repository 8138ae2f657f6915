using System.IO.Compression;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Reads the feeds an index imports from disk: OSV records (a .json file, a folder of them, or an osv.dev
/// ecosystem .zip), a RustSec advisory-db folder, and the KEV catalog. A record file that cannot be read is
/// reported in the errors and skipped, as `scan` does; each record keeps the file (or .zip entry) it came from.
/// </summary>
public static class AdvisoryFeedReader
{
    /// <summary>Refuses .zip entries larger than this, so a crafted archive cannot exhaust memory.</summary>
    public const long MaxEntryBytes = 64L << 20;

    /// <summary>OSV records at a path: a folder (every *.json and *.zip below it), a .zip, or one JSON file.</summary>
    public static (List<IndexedAdvisory> Records, List<AdvisoryFormatException> Errors) ReadOsv(string path, AdvisorySource source)
    {
        ArgumentNullException.ThrowIfNull(path);
        var records = new List<IndexedAdvisory>();
        var errors = EachOsvFile(path, source, file => records.AddRange([.. file]));
        return (records, errors);
    }

    /// <summary>
    /// Imports the OSV records at a path (as <see cref="ReadOsv"/> reads them) into <paramref name="import"/>,
    /// each record encoded as it is read, so no file's records are ever all in memory as objects. A file with
    /// a problem is left out whole and its error returned, as <see cref="ReadOsv"/> does.
    /// </summary>
    public static List<AdvisoryFormatException> ImportOsv(AdvisoryIndexImport import, string path, AdvisorySource source)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(path);
        return EachOsvFile(path, source, import.AddFile);
    }

    /// <summary>The records of an osv.dev ecosystem dump (<c>all.zip</c>: one JSON record per entry); origins are <c>archive!entry</c>.</summary>
    public static (List<IndexedAdvisory> Records, List<AdvisoryFormatException> Errors) ReadOsvZip(Stream zip, AdvisorySource source, string archive)
    {
        var records = new List<IndexedAdvisory>();
        var errors = new List<AdvisoryFormatException>();
        EachZipEntry(zip, source, archive, errors, file => records.AddRange([.. file]));
        return (records, errors);
    }

    /// <summary>Hands each OSV file's records, read lazily, to <paramref name="take"/>; a file whose reading fails is reported and skipped.</summary>
    private static List<AdvisoryFormatException> EachOsvFile(string path, AdvisorySource source, Action<IEnumerable<IndexedAdvisory>> take)
    {
        var errors = new List<AdvisoryFormatException>();
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsOsvFile).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(path, 1);
        foreach (var file in files)
        {
            var origin = Directory.Exists(path) ? Path.GetRelativePath(path, file) : Path.GetFileName(file);
            if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var zip = File.OpenRead(file);
                EachZipEntry(zip, source, origin, errors, take);
                continue;
            }
            Take(take, Records(() => File.OpenRead(file), origin, source), origin, errors);
        }
        return errors;
    }

    private static void EachZipEntry(Stream zip, AdvisorySource source, string archive, List<AdvisoryFormatException> errors, Action<IEnumerable<IndexedAdvisory>> take)
    {
        try
        {
            using var reader = new ZipArchive(zip, ZipArchiveMode.Read);
            foreach (var entry in reader.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                var origin = $"{archive}!{entry.FullName}";
                if (entry.Length > MaxEntryBytes)
                {
                    errors.Add(new AdvisoryFormatException(origin, 0, $"entry of {entry.Length} bytes exceeds the {MaxEntryBytes >> 20} MiB limit."));
                    continue;
                }
                Take(take, Records(entry.Open, origin, source), origin, errors);
            }
        }
        catch (InvalidDataException e)
        {
            errors.Add(new AdvisoryFormatException(archive, 0, "not a readable .zip archive: " + e.Message));
        }
    }

    /// <summary>One file's records, read as they are enumerated; the file is open only while they are.</summary>
    private static IEnumerable<IndexedAdvisory> Records(Func<Stream> open, string origin, AdvisorySource source)
    {
        using var stream = open();
        foreach (var advisory in OsvAdvisory.ReadEach(stream, origin)) yield return new IndexedAdvisory(advisory, source, origin);
    }

    /// <summary>Every RUSTSEC-*.md under a RustSec advisory-db folder, converted to the index's OSV shape.</summary>
    public static (List<IndexedAdvisory> Records, List<AdvisoryFormatException> Errors) ReadRustSec(string folder, AdvisorySource source)
    {
        var records = new List<IndexedAdvisory>();
        var errors = new List<AdvisoryFormatException>();
        foreach (var file in Directory.EnumerateFiles(folder, "RUSTSEC-*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                records.Add(RustSecConversion.ToIndexed(RustSecAdvisory.Parse(File.ReadAllText(file), file), source, Path.GetRelativePath(folder, file)));
            }
            catch (AdvisoryFormatException e)
            {
                errors.Add(e);
            }
        }
        return (records, errors);
    }

    /// <summary>The KEV catalog JSON; throws <see cref="AdvisoryFormatException"/> when it cannot be read.</summary>
    public static KevCatalog ReadKev(string file) => KevCatalog.Parse(File.ReadAllText(file), file);

    private static bool IsOsvFile(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static void Take(Action<IEnumerable<IndexedAdvisory>> take, IEnumerable<IndexedAdvisory> records, string origin, List<AdvisoryFormatException> errors)
    {
        try
        {
            take(records);
        }
        catch (AdvisoryFormatException e)
        {
            errors.Add(e);
        }
        catch (InvalidDataException e)
        {
            errors.Add(new AdvisoryFormatException(origin, 0, "unreadable .zip entry: " + e.Message));
        }
    }
}
