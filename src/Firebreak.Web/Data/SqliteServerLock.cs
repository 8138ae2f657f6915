using Microsoft.Data.Sqlite;

namespace Firebreak.Web.Data;

/// <summary>
/// SQLite is the single-node default: one server process per database file. A second server on the same file would
/// run every background job twice (mail, publication at its instant, reminders) and fight the first for the write
/// lock, so it is refused at start with a message that says why; and <c>admin restore</c> refuses to pull the file
/// from under a running server. The claim is an exclusive lock on <c>firebreak.db.server-lock</c> beside the
/// database, held for the life of the process; the kernel drops it when the process ends, however it ends, so a
/// server killed with SIGKILL leaves nothing to clean up. One-off <c>admin</c> commands do not claim it: they run
/// beside the server.
/// </summary>
internal sealed partial class SqliteServerLock(string connectionString) : IDisposable
{
    // The claim is the process's: hosts in one process (the integration tests run several over one file) share it,
    // and it is let go when the last of them stops.
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (FileStream File, int Holders)> Held = new(StringComparer.Ordinal);
    private string? _claimed;

    /// <summary>The lock file of a database file.</summary>
    public static string LockFile(string databaseFile) => Path.GetFullPath(databaseFile) + ".server-lock";

    /// <summary>Whether a server holds this database file now (this process's own servers included).</summary>
    public static bool IsHeld(string databaseFile)
    {
        lock (Gate)
        {
            if (Held.ContainsKey(LockFile(databaseFile))) return true;
        }
        try
        {
            using var probe = new FileStream(LockFile(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Claims the database for this process (at once if it already holds it); false, with the reason written to
    /// <paramref name="error"/>, when another server holds it.
    /// </summary>
    public bool TryClaim(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:" || database.StartsWith("file::memory:", StringComparison.Ordinal)) return true;
        var path = LockFile(database);
        lock (Gate)
        {
            if (_claimed is not null) return true;
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.File, held.Holders + 1);
                _claimed = path;
                return true;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                Held[path] = (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), 1);
                _claimed = path;
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
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_claimed is not { } path) return;
            _claimed = null;
            var (file, holders) = Held[path];
            if (holders > 1)
            {
                Held[path] = (file, holders - 1);
                return;
            }
            Held.Remove(path);
            file.Dispose();
        }
    }

    /// <summary>
    /// Claims it when the host starts, for hosts that do not go through the server's entry point first (the
    /// integration tests' in-process servers); the entry point has claimed it already and refused to start if it could not.
    /// </summary>
    internal sealed partial class AtStart(SqliteServerLock serverLock, ILogger<SqliteServerLock> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            using var reason = new StringWriter();
            if (!serverLock.TryClaim(reason)) AlreadyHeld(logger, reason.ToString());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            serverLock.Dispose();
            return Task.CompletedTask;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
        private static partial void AlreadyHeld(ILogger logger, string reason);
    }
}
