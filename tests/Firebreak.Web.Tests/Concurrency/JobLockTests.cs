using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Firebreak.Web.Tests.Concurrency;

/// <summary>
/// The database primitives several servers share on PostgreSQL, each server played by its own instance (its own
/// session): a one-server job is held by exactly one claimer however many ask at once, and passes to another when
/// the holder's session ends (shutdown, or a server killed); rate windows count one limit across servers.
/// SQLite's single server holds every job.
/// </summary>
public sealed class JobLockTests
{
    private const int Claimers = 8;
    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string RequirePostgres()
    {
        RequiredPart.Require(ServerConnection is not null, "PostgreSQL is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
        return ServerConnection!;
    }

    [Fact]
    public async Task ManyClaimersAtOnce_EachJobHeldByExactlyOne_AndTakenOverWhenItsHolderDies()
    {
        var connection = RequirePostgres();
        var jobs = Enumerable.Range(0, 4).Select(i => $"test-job-{i}-{Guid.NewGuid():N}").ToArray();
        var claimers = Enumerable.Range(0, Claimers).Select(_ => new JobLocks(connection, NullLogger<JobLocks>.Instance)).ToArray();
        try
        {
            using var start = new Barrier(Claimers);
            var results = await Task.WhenAll(claimers.Select(c => Task.Run(async () =>
            {
                start.SignalAndWait(Ct);
                var held = new List<string>();
                foreach (var job in jobs)
                {
                    if (await c.HoldAsync(job, Ct)) held.Add(job);
                }
                return held;
            }, Ct)));
            foreach (var job in jobs) Assert.Single(results, held => held.Contains(job));

            // Asking again changes nothing: the holder keeps its jobs, the others are still refused.
            var holderOf = jobs.ToDictionary(j => j, j => Array.FindIndex(results, held => held.Contains(j)));
            for (var i = 0; i < Claimers; i++)
            {
                foreach (var job in jobs) Assert.Equal(holderOf[job] == i, await claimers[i].HoldAsync(job, Ct));
            }

            // A holder shut down: its session ends and another claimer takes the job at its next pass.
            var first = holderOf[jobs[0]];
            await claimers[first].DisposeAsync();
            var next = await TakenByOneOfAsync(claimers, first, jobs[0]);
            Assert.NotEqual(first, next);

            // A holder killed: PostgreSQL ends its session (as when a server dies), the lock goes with it, another takes it,
            // and the dead holder's own next ask (a new session) finds it taken.
            var victim = await TakenByOneOfAsync(claimers, first, jobs[1]); // its holder (or, were it "first", whoever took it since)
            await TerminateHolderAsync(connection, jobs[1]);
            var heir = await TakenByOneOfAsync(claimers, first, jobs[1], except: victim);
            Assert.NotEqual(victim, heir);
            Assert.False(await claimers[victim].HoldAsync(jobs[1], Ct));
        }
        finally
        {
            foreach (var c in claimers) await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task SingleServer_HoldsEveryJob()
    {
        await using var locks = new JobLocks(null, NullLogger<JobLocks>.Instance);
        Assert.False(locks.Shared);
        Assert.True(await locks.HoldAsync("PublicationWorker", Ct));
    }

    [Fact]
    public async Task RateWindows_CountOneLimitAcrossServers_AndStartAgainInTheNextWindow()
    {
        RequirePostgres();
        await using var factory = new PostgresFactory();
        factory.RequireDatabase();
        factory.CreateClient().Dispose(); // the server starts, migrating its database
        var connection = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = factory.Database }.ConnectionString;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 30, TimeSpan.Zero));
        await using var a = new RateWindows(connection, clock);
        await using var b = new RateWindows(connection, clock);
        var key = $"test:{Guid.NewGuid():N}";
        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).CountAsync(key, TimeSpan.FromMinutes(1), Ct)));
        Assert.Equal(Enumerable.Range(1, 20), counts.Select(c => c.Count).Order());
        Assert.All(counts, c => Assert.Equal(TimeSpan.FromSeconds(30), c.Left));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await b.CountAsync(key, TimeSpan.FromMinutes(1), Ct)).Count);
    }

    private static async Task<int> TakenByOneOfAsync(JobLocks[] claimers, int gone, string job, int except = -1)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            for (var i = 0; i < claimers.Length; i++)
            {
                if (i != gone && i != except && await claimers[i].HoldAsync(job, Ct)) return i;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"Nobody took {job} after its holder went.");
    }

    private static async Task TerminateHolderAsync(string connection, string job)
    {
        var key = JobLocks.KeyOf(job);
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await admin.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid::bigint = @high AND objid::bigint = @low AND objsubid = 1
            """, admin);
        command.Parameters.AddWithValue("high", (long)(uint)(key >> 32));
        command.Parameters.AddWithValue("low", (long)(uint)key);
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }
}
