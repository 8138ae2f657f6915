using System.Net;
using System.Net.Http.Json;
using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Npgsql;

namespace Firebreak.Web.Tests.Concurrency;

/// <summary>
/// A server process draws every PostgreSQL connection from one pool of a bounded size, so a burst of clients waits for a
/// connection instead of exhausting the database's connection slots; and a database that cannot take another
/// connection is a busy answer (503 with Retry-After), never a 500.
/// </summary>
public sealed class PostgresPoolTests
{
    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Host=db;Username=fb;Database=firebreak", PostgresPool.DefaultMaxPoolSize)]
    [InlineData("Host=db;Username=fb;Database=firebreak;Maximum Pool Size=7", 7)]
    [InlineData("Host=db;Username=fb;Database=firebreak;MaxPoolSize=9", 9)]
    [InlineData("Host=db;Username=fb;Database=firebreak;maximum pool size=120", 120)]
    public void ThePoolSize_IsTheOneNamed_ElseTheDefault(string connection, int size) =>
        Assert.Equal(size, new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults(connection)).MaxPoolSize);

    [Fact]
    public void ADatabaseOutOfConnections_IsBusy_AndOtherFailuresAreNot()
    {
        var full = new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);
        Assert.True(PostgresPool.Exhausted(full));
        Assert.True(PostgresPool.Exhausted(new InvalidOperationException("transient", full))); // as EF's execution strategy wraps it
        Assert.True(PostgresPool.Exhausted(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
        Assert.True(PostgresPool.Exhausted(new PostgresException("starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.False(PostgresPool.Exhausted(new PostgresException("syntax", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError)));
        Assert.False(PostgresPool.Exhausted(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task ManyReportersAtOnce_AreAllAccepted_OverNoMoreConnectionsThanThePool()
    {
        RequiredPart.Require(ServerConnection is not null, "PostgreSQL is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
        await using var factory = new PostgresFactory();
        const int Pool = 4;
        const string Server = "firebreak-pool-test"; // names the server's connections apart from the test helpers' own
        factory.Settings["ConnectionStrings:Firebreak"] = new NpgsqlConnectionStringBuilder(ServerConnection)
        {
            Database = factory.Database, MaxPoolSize = Pool, ApplicationName = Server,
        }.ConnectionString;
        factory.Settings["Intake:PerProjectPerHour"] = "0";
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"p{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Pooled" }, HttpStatusCode.Created);

        var most = 0;
        using var watching = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Pooling = false }.ConnectionString);
            await admin.OpenAsync(Ct);
            while (!watching.IsCancellationRequested)
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND application_name = @server", admin);
                count.Parameters.AddWithValue("db", factory.Database);
                count.Parameters.AddWithValue("server", Server);
                most = Math.Max(most, (int)(long)(await count.ExecuteScalarAsync(Ct))!);
                await Task.Delay(20, Ct);
            }
        }, Ct);
        var anonymous = factory.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 48).Select(async i =>
        {
            using var response = await anonymous.PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), JsonContent.Create(new
            {
                title = $"Pooled report {i}", description = "Reproduction steps for a report filed while the pool is full.",
            }), Ct);
            return response.StatusCode;
        }));
        await watching.CancelAsync();
        await watch;

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Created, status));
        // The pool, plus the one job-lock session the server keeps outside it by design (a lock lives as long as its session).
        Assert.InRange(most, Pool, Pool + 1);
    }
}
