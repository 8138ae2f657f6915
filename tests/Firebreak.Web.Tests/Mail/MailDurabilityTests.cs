using System.Diagnostics;
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
public sealed partial class MailDurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly System.Text.StringBuilder Log = new();

    private static readonly string ServerDll = Path.Combine(FindRoot(), "src", "Firebreak.Web", "bin", "Release", "net10.0", "Firebreak.Web.dll");

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
            using (var first = Start(database, smtp: null))
            {
                using var api = Client(await first.Port, token);
                await WaitHealthyAsync(api);
                await api.PostJsonAsync("/api/v1/projects", new { slug = "killed", name = "Killed" }, HttpStatusCode.Created);
                var receipt = await api.PostJsonAsync("/api/v1/projects/killed/reports", new { title = "Queued when killed", contact = reporter }, HttpStatusCode.Created);
                Assert.True((bool)receipt["acknowledgementQueued"]!);
                first.Process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
                await first.Process.WaitForExitAsync(Ct);
            }
            Assert.True(MailSink.Read(reporter).Count == 0, "mail went out before the kill: " + Log);

            using var second = Start(database, MailSink.Smtp);
            using (var api = Client(await second.Port, token)) await WaitHealthyAsync(api);
            var received = await MailSink.WaitForAsync(reporter, seconds: 30);
            Assert.True(received.Count == 1, $"{received.Count} message(s) after the restart; server output:\n{Log}");
            var mail = received[0];
            Assert.Contains("Queued when killed", mail.TextBody, StringComparison.Ordinal);
            second.Process.Kill(entireProcessTree: true);
            await second.Process.WaitForExitAsync(Ct);
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

    /// <summary>
    /// Starts the server on a port the kernel picks and learns it from the server's own "Now listening on" line: a port
    /// chosen ahead by the test could be taken by another test's listener before the server binds it, and the health
    /// check would then reach that other server.
    /// </summary>
    private static Server Start(string database, (string Host, int Port)? smtp)
    {
        var process = Process.Start(Info(database, smtp, ["--urls", "http://127.0.0.1:0"])) ?? throw new InvalidOperationException("The server did not start.");
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Drain the server's output so a full pipe never blocks it; keep it for failure messages.
        process.OutputDataReceived += (_, e) =>
        {
            lock (Log) Log.AppendLine(e.Data);
            if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } match)
                port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        process.ErrorDataReceived += (_, e) => { lock (Log) Log.AppendLine(e.Data); };
        process.Exited += (_, _) => port.TrySetException(new InvalidOperationException($"The server exited ({process.ExitCode}) before listening:\n{Log}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Server(process, port.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    private sealed record Server(Process Process, Task<int> Port) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial System.Text.RegularExpressions.Regex ListeningOn();

    private static async Task<string> RunAsync(string database, (string Host, int Port)? smtp, string[] args)
    {
        using var process = Process.Start(Info(database, smtp, args))!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"server {string.Join(' ', args)} exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync(Ct)}");
        return output;
    }

    private static ProcessStartInfo Info(string database, (string Host, int Port)? smtp, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(database)! };
        info.ArgumentList.Add(ServerDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["Database__Provider"] = "sqlite";
        info.Environment["ConnectionStrings__Firebreak"] = $"Data Source={database}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Mail__PollInterval"] = "00:00:01";
        if (smtp is { } s)
        {
            info.Environment["Mail__Smtp__Host"] = s.Host;
            info.Environment["Mail__Smtp__Port"] = s.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["Mail__Smtp__Security"] = "none";
        }
        return info;
    }

    private static HttpClient Client(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task WaitHealthyAsync(HttpClient client)
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
        throw new TimeoutException("The server did not answer /health within 30 seconds:\n" + Log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Firebreak.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Firebreak.slnx not found above the test binaries.");
    }
}
