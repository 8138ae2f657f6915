using Microsoft.Data.Sqlite;

namespace Firebreak.Web.Data;

/// <summary>
/// SQLite is the single-node default: one server process per database file. A second server on the same file would
/// run every background job twice (mail, publication at its instant, reminders) and fight the first for the write
/// lock, so it is refused at start with a message that says why. The claim is an exclusive lock on
/// <c>firebreak.db.server-lock</c> beside the database, held for the life of the process; the kernel drops it when
/// the process ends, however it ends, so a server killed with SIGKILL leaves nothing to clean up. One-off
/// <c>admin</c> commands do not claim it: they run beside the server.
/// </summary>
internal sealed class SqliteServerLock(string connectionString) : IDisposable
{
    private FileStream? _held;

    /// <summary>Claims the database for this process; false (with the reason written to <paramref name="error"/>) when another server holds it.</summary>
    public bool TryClaim(TextWriter error)
    {
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:" || database.StartsWith("file::memory:", StringComparison.Ordinal)) return true;
        var path = Path.GetFullPath(database) + ".server-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            error.WriteLine($"Another Firebreak server is already running on {Path.GetFullPath(database)} (it holds {path}). " +
                "SQLite serves one server process: stop the other one, or run several on PostgreSQL (docs/operations.md). " +
                "Admin commands (admin …) run beside a running server.");
            return false;
        }
    }

    public void Dispose() => _held?.Dispose();
}
