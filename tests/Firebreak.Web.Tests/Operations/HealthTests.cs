using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Features.Operations;
using Firebreak.Web.Infrastructure.Background;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Firebreak.Web.Tests.Operations;

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> names each check (database, migrations,
/// workers, queues), answers 503 naming the database when it goes away for real (the SQLite file moved away; the
/// PostgreSQL database closed to connections and its sessions ended) and 200 again when it comes back.
/// </summary>
public abstract class HealthTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected FirebreakFactory Factory => factory;

    private async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, JsonNode.Parse(text)!);
    }

    private static JsonNode Check(JsonNode body, string name) =>
        body["checks"]!.AsArray().Single(c => (string?)c!["name"] == name)!;

    /// <summary>Makes the database unreachable for new connections.</summary>
    protected abstract Task TakeAwayAsync();

    /// <summary>Gives it back.</summary>
    protected abstract Task BringBackAsync();

    private async Task<JsonNode> WaitForAsync(HttpStatusCode expected, string path = "/health/ready")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body) = await GetAsync(path);
            if (status == expected) return body;
            Assert.True(DateTime.UtcNow < deadline, $"{path} stayed {(int)status}: {body.ToJsonString()}");
            await Task.Delay(200, Ct);
        }
    }

    [Fact]
    public async Task Ready_NamesEveryCheck_AndEveryWorkersLastGoodPass()
    {
        factory.RequireDatabase();
        var (live, liveBody) = await GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("Healthy", (string?)liveBody["status"]);
        Assert.Empty(liveBody["checks"]!.AsArray()); // the process answers; nothing else is asked

        var body = await WaitForAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal(["database", "migrations", "queues", "workers"], body["checks"]!.AsArray().Select(c => (string)c!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(0, (int)Check(body, "migrations")["data"]!["pending"]!);
        Assert.Equal(0, (int)Check(body, "queues")["data"]!["outboxPending"]!);
        // Each polling worker reports its passes; the first pass of each runs at start.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode workers;
        while (true)
        {
            workers = Check((await GetAsync("/health/ready")).Body, "workers")["data"]!;
            var names = new[] { "MailWorker", "AlarmWorker", "PublicationWorker", "ChatWorker", "WatchWorker" };
            if (names.All(n => workers[n]?["lastSuccess"] is not null)) break;
            Assert.True(DateTime.UtcNow < deadline, "Workers without a good pass: " + workers.ToJsonString());
            await Task.Delay(200, Ct);
        }
        Assert.Equal(0, (int)workers["MailWorker"]!["failuresSince"]!);
    }

    [Fact]
    public async Task Ready_Is503NamingTheDatabase_WhileItIsGone_And200WhenItReturns()
    {
        factory.RequireDatabase();
        await WaitForAsync(HttpStatusCode.OK);
        await TakeAwayAsync();
        try
        {
            var body = await WaitForAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Unhealthy", (string?)body["status"]);
            Assert.Equal("Unhealthy", (string?)Check(body, "database")["status"]);
            Assert.Contains("the database does not answer", (string?)Check(body, "database")["description"], StringComparison.Ordinal);
            var (live, _) = await GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live); // the process is up: restarting it would not bring the database back
        }
        finally
        {
            await BringBackAsync();
        }
        var back = await WaitForAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", (string?)Check(back, "database")["status"]);
    }

    [Fact]
    public async Task Workers_FailingPasses_AreDegraded_ThenUnhealthyAfterTheLimit_AndHealthyAfterAGoodPass()
    {
        var clock = new FakeTimeProvider(FirebreakFactory.Start);
        var passes = new WorkerPasses(clock);
        var check = new WorkersCheck(passes, clock, Options.Create(new HealthOptions { WorkerFailingFor = TimeSpan.FromMinutes(15) }));
        passes.Started("MailWorker");
        passes.Succeeded("MailWorker");
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(new(), Ct)).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        passes.Failed("MailWorker", new TimeoutException("smtp relay said no to reporter@example.test"));
        var degraded = await check.CheckHealthAsync(new(), Ct);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, degraded.Status);
        Assert.Contains("MailWorker", degraded.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("example.test", System.Text.Json.JsonSerializer.Serialize(degraded.Data), StringComparison.Ordinal); // the error's type, never its message
        clock.Advance(TimeSpan.FromMinutes(15));
        passes.Failed("MailWorker", new TimeoutException());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, (await check.CheckHealthAsync(new(), Ct)).Status);
        passes.Succeeded("MailWorker");
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(new(), Ct)).Status);
    }
}

/// <summary>SQLite: the database file (with its WAL) is moved away and back; the check never creates an empty one in its place.</summary>
public sealed class SqliteHealthTests(SqliteFactory factory) : HealthTests(factory), IClassFixture<SqliteFactory>
{
    private readonly string _aside = factory.DatabaseFile + ".away";

    protected override Task TakeAwayAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(factory.DatabaseFile + suffix)) File.Move(factory.DatabaseFile + suffix, _aside + suffix);
        return Task.CompletedTask;
    }

    protected override Task BringBackAsync()
    {
        Assert.False(File.Exists(factory.DatabaseFile), "The readiness check created an empty database where the real one was.");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_aside + suffix)) File.Move(_aside + suffix, factory.DatabaseFile + suffix, overwrite: true);
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL: the database stops accepting connections and its sessions are ended, then it accepts them again.</summary>
public sealed class PostgresHealthTests(PostgresFactory factory) : HealthTests(factory), IClassFixture<PostgresFactory>
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");

    private static async Task RunAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override async Task TakeAwayAsync()
    {
        await RunAsync($"ALTER DATABASE \"{factory.Database}\" WITH ALLOW_CONNECTIONS false");
        await RunAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{factory.Database}' AND pid <> pg_backend_pid()");
    }

    protected override Task BringBackAsync() => RunAsync($"ALTER DATABASE \"{factory.Database}\" WITH ALLOW_CONNECTIONS true");
}
