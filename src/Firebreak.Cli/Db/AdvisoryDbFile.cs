using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Cli.Db;

/// <summary>Where the advisory index lives and how the CLI opens and replaces it.</summary>
internal static class AdvisoryDbFile
{
    /// <summary>--db, else $FIREBREAK_DB, else ~/.local/share/firebreak/advisories.fbx.</summary>
    public static string Resolve(string? option) =>
        option is { Length: > 0 } ? option
        : Environment.GetEnvironmentVariable("FIREBREAK_DB") is { Length: > 0 } env ? env
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "firebreak", "advisories.fbx");

    /// <summary>The index, or null after reporting why it cannot be read (missing, unreadable, damaged).</summary>
    public static AdvisoryIndex? TryLoad(string path, TextWriter error)
    {
        try
        {
            return AdvisoryIndex.Load(IndexFileReader.Read(path), path);
        }
        catch (FileNotFoundException)
        {
            error.WriteLine($"firebreak: advisory index '{path}' does not exist; create it with `firebreak db import`.");
        }
        catch (Exception e) when (e is AdvisoryIndexFormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"firebreak: {e.Message}");
        }
        return null;
    }

    /// <summary>Writes beside the target and renames over it, so a crash never leaves half an index.</summary>
    public static void Save(AdvisoryIndexBuilder builder, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = File.Create(temporary)) builder.WriteTo(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
