using System.Globalization;
using Firebreak.Web.Data.Sealing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// Online snapshots of the SQLite database and their restore. A snapshot is <c>VACUUM INTO</c>: one read
/// transaction, so it holds exactly what was committed when it began, while the server keeps writing
/// (WAL mode lets readers and the writer run side by side). The key-encryption key and the Data
/// Protection keys live in the data directory, not in the database: a backup is only whole with them.
/// </summary>
internal static class DatabaseBackup
{
    /// <summary>Tables only a Firebreak database has: a file without them is refused before it replaces anything.</summary>
    private static readonly string[] FirebreakTables = ["__EFMigrationsHistory", "DataKeys", "Incidents", "Projects", "AspNetUsers"];

    /// <summary>What an operator must keep beside a backup, said by every backup.</summary>
    public const string KeysWarning =
        "The backup holds sealed data only: keep the data directory's keys/ folder (the key-encryption key) and its Data Protection keys " +
        "with it, in a separate safe place. Without the key-encryption key the backup cannot be read; nothing secret was copied.";

    /// <summary>The database file a SQLite connection string names (its <c>Data Source</c>), full path.</summary>
    public static string SqliteFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Takes a consistent snapshot of the live database into a new file; refuses an existing one.</summary>
    public static async Task SqliteSnapshotAsync(string connectionString, string target, CancellationToken ct)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target) || Directory.Exists(target))
            throw new InvalidOperationException($"{target} already exists; a backup never overwrites a file. Choose a new name or move the old one away.");
        if (Path.GetDirectoryName(target) is { } folder) Directory.CreateDirectory(folder);
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(builder.DataSource)) throw new InvalidOperationException($"There is no database at {builder.DataSource} to back up.");
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var busy = connection.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 30000";
            await busy.ExecuteNonQueryAsync(ct);
        }
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $target";
        vacuum.Parameters.AddWithValue("$target", target);
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Checks a backup file before it replaces anything: SQLite's integrity check passes, it has Firebreak's
    /// tables and migration history, and (when a key is given) the key-encryption key opens its data keys.
    /// Returns the problem in a sentence, or null.
    /// </summary>
    public static async Task<string?> CheckSqliteBackupAsync(string file, KeyEncryptionKey? kek, CancellationToken ct)
    {
        if (!File.Exists(file)) return $"There is no file at {file}.";
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await connection.OpenAsync(ct);
            var integrity = await ScalarAsync(connection, "PRAGMA integrity_check", ct);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal)) return $"{file} fails SQLite's integrity check: {integrity}";
            var tables = new HashSet<string>(StringComparer.Ordinal);
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
            }
            var missing = FirebreakTables.Where(t => !tables.Contains(t)).ToList();
            if (missing.Count > 0) return $"{file} is not a Firebreak database (it has no {string.Join(", ", missing)} table).";
            if (await ScalarAsync(connection, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"", ct) == "0") return $"{file} is not a Firebreak database (its migration history is empty).";
        }
        catch (SqliteException e)
        {
            return $"{file} is not a readable SQLite database: {e.Message}";
        }
        if (kek is null) return null;
        var options = new DbContextOptionsBuilder<SqliteFirebreakDbContext>();
        DataSetup.ConfigureSqlite(options, new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString)
            .UseApplicationServiceProvider(DataSetup.DesignTimeServices());
        await using var db = new SqliteFirebreakDbContext(options.Options);
        try
        {
            await DataKeys.UnlockAsync(db, kek, new DataKeyRing(Microsoft.Extensions.Logging.Abstractions.NullLogger<DataKeyRing>.Instance), TimeProvider.System, ct);
        }
        catch (InvalidOperationException e)
        {
            return $"{file} is a Firebreak database, but this server's keys cannot read it: {e.Message} Put back the data directory's keys from the same backup first.";
        }
        catch (Exception e) when (e is SqliteException or DbUpdateException)
        {
            return $"{file} has no data keys this server can read: {e.Message}";
        }
        return null;
    }

    /// <summary>
    /// Replaces the database file with the backup: the old file (and its WAL) moves aside to
    /// <c>FILE.before-restore-TIMESTAMP</c>, then a copy of the backup takes its place. Only while no server runs on it.
    /// </summary>
    public static string RestoreSqlite(string databaseFile, string backup, DateTimeOffset now)
    {
        SqliteConnection.ClearAllPools();
        var aside = $"{databaseFile}.before-restore-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var incoming = databaseFile + ".restoring";
        File.Copy(backup, incoming, overwrite: true);
        using (var flush = new FileStream(incoming, FileMode.Open, FileAccess.ReadWrite)) flush.Flush(flushToDisk: true);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(databaseFile + suffix)) File.Move(databaseFile + suffix, aside + suffix);
        File.Move(incoming, databaseFile);
        return aside;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
