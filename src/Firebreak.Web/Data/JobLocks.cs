using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Firebreak.Web.Data;

/// <summary>
/// Which server runs a background job that must run on one server at a time (publication at the instant,
/// alarms, the watch's refresh, audit checkpoints; see docs/adr/0009). On PostgreSQL each such job is a
/// session-level advisory lock taken with <c>pg_try_advisory_lock</c> on one connection of this server's own,
/// held for as long as the server lives: the first server to ask runs the job, the others skip their passes,
/// and when the holder dies its connection ends and PostgreSQL releases the lock, so another server takes the job
/// at its next pass. On SQLite there is one server (see <see cref="SqliteServerLock"/>) and every job is its own.
/// The lock decides who works; the data still guards itself (concurrency tokens, unique outbox keys, one
/// transaction per piece of work), so the rare overlap while a dying holder's last pass ends writes nothing twice.
/// </summary>
internal sealed partial class JobLocks : IAsyncDisposable
{
    private readonly string? _connection;
    private readonly ILogger<JobLocks> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private NpgsqlConnection? _session;
    private int _disposed;

    /// <summary>Job locks over PostgreSQL (<paramref name="connection"/> set), or the single server's (null).</summary>
    public JobLocks(string? connection, ILogger<JobLocks> logger)
    {
        // Its own session, never pooled: a pooled connection handed back would carry the locks to whoever takes it next.
        _connection = connection is null ? null : new NpgsqlConnectionStringBuilder(connection) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        _logger = logger;
    }

    /// <summary>Whether the locks are shared with other servers (PostgreSQL).</summary>
    public bool Shared => _connection is not null;

    /// <summary>The 64-bit advisory lock key of a job: the first eight bytes of SHA-256 over its name.</summary>
    public static long KeyOf(string job) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("firebreak-job:" + job)).AsSpan(0, 8));

    /// <summary>
    /// True when this server holds <paramref name="job"/> (taking it if nobody does); false when another server holds it.
    /// A lost session (the database restarted, the network broke) forgets every lock it held and asks again.
    /// </summary>
    public async Task<bool> HoldAsync(string job, CancellationToken ct)
    {
        if (_connection is null) return true;
        await _gate.WaitAsync(ct);
        try
        {
            try
            {
                return await TryHoldAsync(job, ct);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                SessionLost(_logger, e);
                await DropSessionAsync();
                return await TryHoldAsync(job, ct);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> TryHoldAsync(string job, CancellationToken ct)
    {
        if (_session is null)
        {
            _held.Clear();
            var session = new NpgsqlConnection(_connection);
            await session.OpenAsync(ct);
            _session = session;
        }
        await using var command = _session.CreateCommand();
        if (_held.Contains(job))
        {
            command.CommandText = "SELECT 1"; // the session is alive, so its locks hold
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        command.CommandText = "SELECT pg_try_advisory_lock(@key)";
        command.Parameters.AddWithValue("key", KeyOf(job));
        if (await command.ExecuteScalarAsync(ct) is not true) return false;
        _held.Add(job);
        Took(_logger, job);
        return true;
    }

    private async Task DropSessionAsync()
    {
        _held.Clear();
        if (_session is null) return;
        try
        {
            await _session.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // already broken: its locks went with it
        }
        _session = null;
    }

    /// <summary>On shutdown the session ends, and with it every lock this server held: another server takes the jobs at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _gate.WaitAsync();
        try
        {
            await DropSessionAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This server now runs the background job {Job} (PostgreSQL advisory lock)")]
    private static partial void Took(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session holding this server's job locks was lost; asking for them again")]
    private static partial void SessionLost(ILogger logger, Exception exception);
}
