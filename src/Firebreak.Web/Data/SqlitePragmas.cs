using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with synchronous=FULL, so an acknowledged write
/// survives power loss, and waits for a busy writer rather than failing at once. Reads go through
/// a memory map (up to 256 MiB of the file): in WAL mode another connection's commit empties a
/// connection's page cache, and without the map every page read after that is a system call.
/// Writes are unaffected (SQLite writes with write(), never through the map). A read-only connection (EF opens one to
/// ask whether the file exists) leaves the journal mode alone: switching a file that is not yet in WAL mode (a restored
/// backup, a database made by a script) is a write, and would fail.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA mmap_size=268435456;";

    private static string For(DbConnection connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly
            ? Pragmas
            : "PRAGMA journal_mode=WAL; " + Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = For(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = For(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
