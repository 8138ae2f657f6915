using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Cli.Scan;

/// <summary>Reads the inputs `scan` takes besides Cargo.lock: OSV records and OpenVEX documents (a file or a folder of *.json) and purl lists.</summary>
internal static class ScanSources
{
    public static List<OsvAdvisory> ReadOsv(string path, TextWriter error)
    {
        IEnumerable<string> files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [path];
        var records = new List<OsvAdvisory>();
        foreach (var file in files)
        {
            try
            {
                using var stream = File.OpenRead(file);
                records.AddRange(OsvAdvisory.ReadAll(stream, file));
            }
            catch (AdvisoryFormatException e)
            {
                error.WriteLine($"firebreak: skipped OSV file {e.Message}");
            }
        }
        return records;
    }

    /// <summary>
    /// Every statement of every OpenVEX document at the path. A document that cannot be read is reported
    /// and sets <paramref name="invalid"/>: silently dropping a VEX file would change what the gate counts.
    /// </summary>
    public static List<VexStatement> ReadVex(string path, TextWriter error, out bool invalid)
    {
        invalid = false;
        IEnumerable<string> files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [path];
        var statements = new List<VexStatement>();
        foreach (var file in files)
        {
            try
            {
                statements.AddRange(OpenVexReader.Read(File.ReadAllText(file), file).Statements);
            }
            catch (Exception e) when (e is VexFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"firebreak: {e.Message}");
                invalid = true;
            }
        }
        return statements;
    }

    /// <summary>One purl per line; blank lines and # comments skipped; a bad line is reported with its number.</summary>
    public static List<PackageUrl> ReadPurls(string file, TextWriter error, out bool invalid)
    {
        invalid = false;
        var purls = new List<PackageUrl>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (PackageUrl.TryParse(text, out var purl, out var problem)) purls.Add(purl!);
            else
            {
                invalid = true;
                error.WriteLine($"firebreak: {file}:{number}: {problem}");
            }
        }
        return purls;
    }
}
