using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Background;
using Firebreak.Web.Infrastructure.Mail;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Operations;

/// <summary>
/// The database answers a query. SQLite is opened without creating the file: a database that went away must not be
/// replaced by an empty one by the very check that looks for it.
/// </summary>
internal sealed class DatabaseCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            await ProbeAsync(db, cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the database does not answer ({e.GetType().Name})");
        }
    }

    /// <summary>One round trip; throws when the database cannot be reached.</summary>
    public static async Task ProbeAsync(FirebreakDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            await using var connection = new SqliteConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
            await command.ExecuteScalarAsync(ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
    }
}

/// <summary>Every migration this build has is applied (none pending, none unknown to it).</summary>
internal sealed class MigrationsCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            await DatabaseCheck.ProbeAsync(db, cancellationToken); // never let the history query create a missing SQLite file
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var data = new Dictionary<string, object> { ["applied"] = applied.Count, ["pending"] = pending.Count };
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{applied.Count} migration(s) applied, none pending", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"migrations not checked: the database does not answer ({e.GetType().Name})");
        }
    }
}

/// <summary>
/// Each background worker's last good pass: a worker failing for longer than <see cref="HealthOptions.WorkerFailingFor"/>
/// since its last good pass is unhealthy; a worker failing for less is degraded.
/// </summary>
internal sealed class WorkersCheck(WorkerPasses passes, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        var stuck = new List<string>();
        foreach (var worker in passes.All)
        {
            data[worker.Worker] = new
            {
                lastSuccess = worker.LastSuccess,
                lastFailure = worker.LastFailure,
                failuresSince = worker.FailuresSince,
                lastError = worker.LastError,
            };
            if (worker.FailuresSince == 0) continue;
            var since = worker.LastSuccess ?? worker.StartedAt;
            (now - since > options.Value.WorkerFailingFor ? stuck : failing).Add(worker.Worker);
        }
        var result = stuck.Count > 0
            ? HealthCheckResult.Unhealthy($"failing since their last good pass more than {options.Value.WorkerFailingFor}: {string.Join(", ", stuck)}", data: data)
            : failing.Count > 0
                ? HealthCheckResult.Degraded($"last pass failed: {string.Join(", ", failing)}", data: data)
                : HealthCheckResult.Healthy($"{data.Count} worker(s), none failing", data);
        return Task.FromResult(result);
    }
}

/// <summary>The mail outbox: how much waits and how long the oldest due message has waited (degraded past <see cref="HealthOptions.QueueAgeLimit"/>).</summary>
internal sealed class QueuesCheck(IServiceScopeFactory scopes, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            await DatabaseCheck.ProbeAsync(db, cancellationToken);
            var (depth, oldest) = await OutboxDepthAsync(db, time.GetUtcNow(), cancellationToken);
            var data = new Dictionary<string, object> { ["outboxPending"] = depth, ["outboxOldestDueSeconds"] = oldest.TotalSeconds };
            return oldest > options.Value.QueueAgeLimit
                ? HealthCheckResult.Degraded($"mail has waited {oldest:g} past its due time (limit {options.Value.QueueAgeLimit:g})", data: data)
                : HealthCheckResult.Healthy($"{depth} message(s) waiting", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"queues not checked: the database does not answer ({e.GetType().Name})");
        }
    }

    /// <summary>Messages waiting to be sent, and how long the oldest of those already due has waited past its due time.</summary>
    public static async Task<(int Depth, TimeSpan OldestDue)> OutboxDepthAsync(FirebreakDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var pending = db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending);
        var depth = await pending.CountAsync(ct);
        var instant = now.UtcDateTime;
        var oldest = await pending.Where(m => m.NextAttemptAt <= instant).OrderBy(m => m.NextAttemptAt).Select(m => (DateTime?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        return (depth, oldest is { } due ? instant - due : TimeSpan.Zero);
    }
}
