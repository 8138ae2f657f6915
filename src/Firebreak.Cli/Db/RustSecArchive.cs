using System.IO.Compression;
using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Cli.Db;

/// <summary>
/// Unpacks the advisories of a .zip of the RustSec advisory-db repository (GitHub's archive wraps it in one
/// folder, <c>advisory-db-main/</c>) so the folder reader imports them: only <c>crates/**/RUSTSEC-*.md</c>, kept
/// under their path from <c>crates/</c> on — the origins a clone gives — each entry size-checked, nothing
/// written outside the target folder.
/// </summary>
internal static class RustSecArchive
{
    /// <summary>Extracts into <paramref name="folder"/>; throws <see cref="IOException"/> for an archive that is not one.</summary>
    public static void Extract(string zip, string folder, long maxBytes)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        long total = 0;
        var count = 0;
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var crates = name.StartsWith("crates/", StringComparison.Ordinal) ? 0
                    : name.IndexOf("/crates/", StringComparison.Ordinal) is var at and >= 0 ? at + 1 : -1;
                if (crates < 0) continue;
                if (!entry.Name.StartsWith("RUSTSEC-", StringComparison.Ordinal) || !entry.Name.EndsWith(".md", StringComparison.Ordinal)) continue;
                var target = Path.GetFullPath(Path.Combine(root, name[crates..]));
                if (!target.StartsWith(root, StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)) continue;
                total += entry.Length;
                if (entry.Length > AdvisoryFeedReader.MaxEntryBytes || total > maxBytes)
                    throw new IOException($"{entry.FullName}: the archive unpacks to more than the {maxBytes >> 20} MiB limit");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
                count++;
            }
        }
        catch (InvalidDataException e)
        {
            throw new IOException("not a readable .zip archive of the RustSec advisory-db: " + e.Message, e);
        }
        if (count == 0) throw new IOException("the archive holds no crates/**/RUSTSEC-*.md advisories");
    }
}
