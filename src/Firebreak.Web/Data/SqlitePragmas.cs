using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with synchronous=FULL, so an acknowledged write
/// survives power loss, and waits for a busy writer rather than failing at once. Reads go through
/// a memory map (up to 256 MiB of the file): in WAL mode another connection's commit empties a
/// connection's page cache, and without the map every page read after that is a system call.
/// Writes are unaffected (SQLite writes with write(), never through the map).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
