using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// Recognises a write that failed only because another writer got there at the same moment: an
/// optimistic-concurrency conflict, a unique key taken meanwhile, a busy or locked SQLite file, a
/// PostgreSQL serialisation failure or deadlock. Such a write is retried from scratch; it is not
/// the caller's fault and never reaches them as an error while retries remain.
/// </summary>
internal static class LostRace
{
    public static bool Is(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException e when UniqueViolation.Is(e) => true,
        DbUpdateException { InnerException: { } inner } => IsBusy(inner),
        InvalidOperationException { InnerException: { } inner } => IsBusy(inner), // a failed commit or begin, wrapped by EF
        _ => IsBusy(exception),
    };

    private static bool IsBusy(Exception exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        Npgsql.PostgresException pg => pg.SqlState is Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };
}
