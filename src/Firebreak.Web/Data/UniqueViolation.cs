using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// Recognises a save refused by a unique index on either database. Two requests racing for the
/// same next number (an incident's message order, a project's incident number) end this way; it
/// is a lost race like an optimistic-concurrency conflict, not a fault.
/// </summary>
internal static class UniqueViolation
{
    public static bool Is(Exception exception) => exception is DbUpdateException { InnerException: var inner } && inner switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
