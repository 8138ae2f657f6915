using Npgsql;

namespace Firebreak.Web.Data;

/// <summary>
/// The one pool of PostgreSQL connections a server process keeps: every database context and the shared rate windows
/// draw from it, so a process never holds more than <c>Maximum Pool Size</c> connections (before, the rate windows kept
/// a pool of their own beside EF's, and 64 clients reporting at once made the two reach PostgreSQL's default limit of
/// 100 connections, which refused the rest). A connection string that does not name a size gets
/// <see cref="DefaultMaxPoolSize"/>: three servers then stay under that default limit with room for the job-lock
/// sessions and an operator's psql. A request waits for a free connection rather than failing.
/// </summary>
internal static class PostgresPool
{
    public const int DefaultMaxPoolSize = 30;

    /// <summary><paramref name="connection"/> with the pool size set when it names none.</summary>
    public static string WithDefaults(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        // Npgsql reads the size as "Maximum Pool Size" or "MaxPoolSize", in any case: as written, before it fills in its default.
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal))
            .Any(k => k.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase) || k.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
        if (!named) builder.MaxPoolSize = DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says the database cannot take another connection now (the server's connection
    /// limit reached, a server starting or shutting down, or no pooled connection freed in time): the request is answered
    /// busy (503 with Retry-After), not as a bug.
    /// </summary>
    public static bool Exhausted(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown,
        NpgsqlException { InnerException: TimeoutException } => true,
        { InnerException: { } inner } => Exhausted(inner),
        _ => false,
    };
}
