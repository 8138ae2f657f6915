using Firebreak.Web.Data;
using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Firebreak.Web.Features.Operations;

/// <summary>
/// <c>admin backup FILE</c>: a consistent snapshot of the SQLite database taken while the server runs (never over an
/// existing file); on PostgreSQL it says how to use pg_dump. <c>admin restore FILE</c>: checks the file (SQLite's
/// integrity check, Firebreak's tables, this server's keys open its data keys), refuses while a server runs on the
/// database, keeps the current file aside, puts the backup in place and applies this build's migrations to it.
/// </summary>
[PublicFace]
internal static class OperationsAdminCommand
{
    public const string Usage = "admin backup FILE | admin restore FILE";

    /// <summary>The exit code, or null when the arguments are not a backup command.</summary>
    public static async Task<int?> TryRunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error) => args switch
    {
        ["backup", var file] => await BackupAsync(services, file, output, error),
        ["restore", var file] => await RestoreAsync(services, file, output, error),
        ["backup" or "restore", ..] => await UsageAsync(error),
        _ => null,
    };

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync($"usage: {Usage}");
        return 2;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string file, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync(PostgresAdvice(db, "backup", file));
            return 1;
        }
        var started = services.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            await DatabaseBackup.SqliteSnapshotAsync(db.Database.GetConnectionString()!, file, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"backup refused: {e.Message}");
            return 1;
        }
        var full = Path.GetFullPath(file);
        await output.WriteLineAsync($"backed up {DatabaseBackup.SqliteFile(db.Database.GetConnectionString()!)} to {full} ({new FileInfo(full).Length} bytes), " +
            $"a snapshot of every write committed before {started:O}");
        await output.WriteLineAsync(DatabaseBackup.KeysWarning + $" The keys are in {DataDirectory.Resolve(services.GetRequiredService<IConfiguration>())}.");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string file, TextWriter output, TextWriter error)
    {
        string database;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            if (!db.Database.IsSqlite())
            {
                await error.WriteLineAsync(PostgresAdvice(db, "restore", file));
                return 1;
            }
            database = DatabaseBackup.SqliteFile(db.Database.GetConnectionString()!);
        }
        var backup = Path.GetFullPath(file);
        if (string.Equals(backup, database, StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"restore refused: {backup} is the database itself.");
            return 1;
        }
        if (SqliteServerLock.IsHeld(database))
        {
            await error.WriteLineAsync($"restore refused: a Firebreak server is running on {database}. Stop it, then run admin restore again.");
            return 1;
        }
        if (await DatabaseBackup.CheckSqliteBackupAsync(backup, services.GetRequiredService<KeyEncryptionKey>(), CancellationToken.None) is { } problem)
        {
            await error.WriteLineAsync($"restore refused: {problem}");
            return 1;
        }
        var aside = DatabaseBackup.RestoreSqlite(database, backup, services.GetRequiredService<TimeProvider>().GetUtcNow());
        await using (var scope = services.CreateAsyncScope())
            await DataSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<FirebreakDbContext>(), CancellationToken.None);
        await output.WriteLineAsync($"restored {backup} to {database}; the database it replaced is kept as {aside}. Start the server.");
        return 0;
    }

    /// <summary>The pg_dump or pg_restore command for this database, without its password.</summary>
    private static string PostgresAdvice(FirebreakDbContext db, string verb, string file)
    {
        var c = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var target = $"--host {c.Host} --port {c.Port} --username {c.Username ?? "USER"}";
        return verb == "backup"
            ? $"PostgreSQL is backed up with its own tool, which takes a consistent snapshot while the server runs:\n" +
              $"  pg_dump --format=custom {target} --file {file} {c.Database}\n" +
              "Keep the data directory's keys with it (docs/operations.md, Backups)."
            : $"PostgreSQL is restored with its own tool, into an empty database, with every Firebreak server stopped:\n" +
              $"  createdb {target} {c.Database}_restored\n" +
              $"  pg_restore --no-owner {target} --dbname {c.Database}_restored {file}\n" +
              "then point ConnectionStrings:Firebreak at it and start the server with the data directory's keys from the same backup (docs/operations.md, Backups).";
    }
}
