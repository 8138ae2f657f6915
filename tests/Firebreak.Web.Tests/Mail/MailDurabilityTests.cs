using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Mail;

/// <summary>
/// Mail that was acknowledged is never lost: a server process killed with SIGKILL while the
/// acknowledgement waits in the outbox delivers it after a restart; failures are recorded and
/// retried with back-off; a key enqueued twice is sent once.
/// </summary>
public sealed class MailDurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ServerDll => RepositoryRoot.BuiltServer;

    [Fact]
    public async Task ServerKilledWithMailQueued_DeliversAfterRestart()
    {
        MailSink.Require();
        Assert.True(File.Exists(ServerDll), $"build the server first ({ServerDll})");
        var folder = Directory.CreateTempSubdirectory("firebreak-kill-");
        var database = Path.Combine(folder.FullName, "firebreak.db");
        var reporter = $"killed-{Guid.NewGuid():N}@example.test";
        try
        {
            var token = (await RunAsync(database, null, ["admin", "create-user", "--email", "ops@example.test", "--admin", "--token"])).Trim().Split('\n')[^1];
            string firstOutput;
            await using (var first = Start(database, smtp: null))
            {
                using var api = Client(await first.Port, token);
                await WaitHealthyAsync(api, first);
                await api.PostJsonAsync("/api/v1/projects", new { slug = "killed", name = "Killed" }, HttpStatusCode.Created);
                var receipt = await api.PostJsonAsync("/api/v1/projects/killed/reports", new { title = "Queued when killed", contact = reporter }, HttpStatusCode.Created);
                Assert.True((bool)receipt["acknowledgementQueued"]!);
                await first.KillAsync();
                firstOutput = first.Output;
            }
            Assert.True(MailSink.Read(reporter).Count == 0, "mail went out before the kill: " + firstOutput);

            await using var second = Start(database, MailSink.Smtp);
            using (var api = Client(await second.Port, token)) await WaitHealthyAsync(api, second);
            var received = await MailSink.WaitForAsync(reporter, seconds: 30);
            Assert.True(received.Count == 1, $"{received.Count} message(s) after the restart; server output:\n{second.Output}");
            var mail = received[0];
            Assert.Contains("Queued when killed", mail.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RelayRefuses_AttemptRecordedAndRetriedWithBackoff()
    {
        await using var factory = new SqliteFactory { UseSmtp = false };
        factory.Settings["Mail:Smtp:Host"] = "127.0.0.1";
        factory.Settings["Mail:Smtp:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture); // nothing listens there
        factory.Settings["Mail:Smtp:Security"] = "none";
        factory.RequireDatabase();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            Assert.True(await outbox.EnqueueAsync(new MailDraft("test:refused", "someone@example.test", "Hello", "Body", null, "test"), Ct));
            Assert.False(await outbox.EnqueueAsync(new MailDraft("test:refused", "someone@example.test", "Hello again", "Body", null, "test"), Ct));
            await scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>().SaveChangesAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<MailDelivery>().DeliverDueAsync(Ct);
        }
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var message = (await admin.GetJsonAsync("/api/v1/outbox")).AsArray().Single()!;
        Assert.Equal("pending", (string?)message["state"]);
        Assert.True((int)message["attempts"]! >= 1);
        Assert.False((bool)message["history"]![0]!["succeeded"]!);
        Assert.Contains("SocketException", (string?)message["lastError"], StringComparison.Ordinal);
        Assert.True(message["nextAttemptAt"]!.Instant() >= factory.Clock.GetUtcNow().AddMinutes(1));
    }

    [Fact]
    public void Backoff_DoublesFromOneMinute_CapsAtSixHours_ParksAfterMaximum()
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var message = new OutboxMessage(new MailDraft("k", "a@example.test", "s", "b", null, "test"), now);
        var delays = new List<double>();
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            message.MarkFailed("refused", now, maxAttempts: 12);
            delays.Add((new DateTimeOffset(message.NextAttemptAt, TimeSpan.Zero) - now).TotalMinutes);
        }
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360], delays);
        Assert.Equal(OutboxState.Failed, message.State);
        message.Retry(now);
        Assert.Equal(OutboxState.Pending, message.State);
    }

    private static ServerProcess Start(string database, (string Host, int Port)? smtp) =>
        ServerProcess.Start(ServerDll, Path.GetDirectoryName(database)!, ServerEnvironment(database, smtp));

    private static async Task<string> RunAsync(string database, (string Host, int Port)? smtp, string[] args)
    {
        var (exit, output, error) = await ServerProcess.RunAsync(ServerDll, Path.GetDirectoryName(database)!, ServerEnvironment(database, smtp), args, Ct);
        Assert.True(exit == 0, $"server {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }

    private static Dictionary<string, string> ServerEnvironment(string database, (string Host, int Port)? smtp)
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "sqlite",
            ["ConnectionStrings__Firebreak"] = $"Data Source={database}",
            ["Mail__PollInterval"] = "00:00:01",
        };
        if (smtp is { } s)
        {
            environment["Mail__Smtp__Host"] = s.Host;
            environment["Mail__Smtp__Port"] = s.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment["Mail__Smtp__Security"] = "none";
        }
        return environment;
    }

    private static HttpClient Client(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task WaitHealthyAsync(HttpClient client, ServerProcess server)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The server did not answer /health within 30 seconds:\n" + server.Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
