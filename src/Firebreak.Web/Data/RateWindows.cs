using Npgsql;

namespace Firebreak.Web.Data;

/// <summary>
/// Rate counters every server on one PostgreSQL shares, so a client spreading its requests over the servers behind a
/// proxy meets one limit: a fixed-window counter row per key and window, moved by one
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> round trip on its own short connection (outside the request's
/// transaction, so a rerun request is not uncounted). On SQLite there is one server and the counters stay in its
/// memory (<see cref="Shared"/> is false).
/// </summary>
internal sealed class RateWindows(NpgsqlDataSource? source, TimeProvider time, bool ownsSource) : IAsyncDisposable
{
    private const int SweepEvery = 256;
    private readonly NpgsqlDataSource? _source = source;
    private long _calls;

    /// <summary>Rate windows with a pool of their own on <paramref name="connection"/> (null: not shared, in memory).</summary>
    public RateWindows(string? connection, TimeProvider time) : this(connection is null ? null : NpgsqlDataSource.Create(connection), time, ownsSource: true)
    {
    }

    public bool Shared => _source is not null;

    /// <summary>Counts one request for <paramref name="key"/> in the window <paramref name="window"/> long that holds now; returns the count so far and how long the window has left.</summary>
    public async Task<(int Count, TimeSpan Left)> CountAsync(string key, TimeSpan window, CancellationToken ct)
    {
        var source = _source ?? throw new InvalidOperationException("Rate windows are shared only on PostgreSQL.");
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var end = start + window;
        await using var command = source.CreateCommand("""
            INSERT INTO "RateWindows" ("Key", "WindowStart", "ExpiresAt", "Count") VALUES ($1, $2, $3, 1)
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RateWindows"."Count" + 1
            RETURNING "Count"
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = start.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = end.UtcDateTime });
        var count = (int)(await command.ExecuteScalarAsync(ct))!;
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0)
        {
            await using var sweep = source.CreateCommand("""DELETE FROM "RateWindows" WHERE "ExpiresAt" < $1""");
            sweep.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
            await sweep.ExecuteNonQueryAsync(ct);
        }
        return (count, end - now);
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsSource && _source is not null) await _source.DisposeAsync();
    }
}
