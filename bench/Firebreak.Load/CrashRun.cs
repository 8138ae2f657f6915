using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Firebreak.Load;

/// <summary>
/// kill -9 of the real server at random moments while clients submit anonymous reports, for a number of cycles; then a
/// clean start and the checks (each moment is random within --min-ms..--max-ms after the cycle's first acknowledged report): every acknowledged report present exactly once under the number its receipt gave, SQLite's
/// <c>PRAGMA integrity_check</c> ok, and the audit chain verifying (<c>admin verify-audit</c>). Exit 0 only when all hold.
/// </summary>
internal static class CrashRun
{
    public static async Task<int> RunAsync(Options options)
    {
        var settings = Settings(options);
        var cycles = options.Number("cycles", 100);
        var clients = options.Number("clients", 16);
        var minMs = options.Number("min-ms", 300);
        var maxMs = options.Number("max-ms", 3000);
        var seed = options.Number("seed", Environment.TickCount);
        // A time budget (0: none): no new cycle starts after it, and the figures say how many cycles ran.
        var budget = TimeSpan.FromMinutes(options.Number("minutes", 0));
        var random = new Random(seed);
        Directory.CreateDirectory(settings.WorkFolder);
        await using var log = new StreamWriter(Path.Combine(settings.WorkFolder, "server.log"), append: true);
        var instance = await Instance.CreateAsync(settings, log);
        var run = Guid.NewGuid().ToString("N")[..8];
        var ledger = new Ledger(run);
        var next = -1;
        var wall = Stopwatch.StartNew();
        var done = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            if (budget > TimeSpan.Zero && wall.Elapsed > budget) break;
            done = cycle;
            using var server = await StartWithRetriesAsync(settings, log);
            using var stop = new CancellationTokenSource();
            var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var http = Instance.Client(null, clients);
            var url = Submission.Target(settings.Url, instance.Slug, SubmissionKind.Reports);
            var load = Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var marker = Submission.Marker(run, Interlocked.Increment(ref next));
                    var (answer, _) = await Submission.SendAsync(http, url, SubmissionKind.Reports, marker, CancellationToken.None);
                    ledger.Record(marker, answer);
                    if (answer.Status == 201) firstAcknowledged.TrySetResult();
                    if (answer.Status == 0) await Task.Delay(20); // the server is gone; the next cycle starts it again
                }
            })));
            // The random moment counts from the cycle's first acknowledgement, so every kill lands while reports are
            // being filed (a freshly started server on a loaded machine can take seconds to answer its first).
            await Task.WhenAny(firstAcknowledged.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            await Task.Delay(random.Next(minMs, maxMs + 1));
            await server.KillAsync();
            await stop.CancelAsync();
            await load;
            if (cycle % 10 == 0 || cycle == cycles)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cycle {cycle}/{cycles}: {ledger.Figures()} ({wall.Elapsed.TotalSeconds:0} s)"));
        }

        Check check;
        using (var server = await StartWithRetriesAsync(settings, log))
        {
            check = ledger.CheckAgainst(await instance.StoredAsync());
            await server.StopAsync();
        }
        var integrity = settings.Provider == "sqlite" ? IntegrityCheck(settings) : "n/a (PostgreSQL)";
        var (auditCode, auditOut, auditError) = await ServerProcess.RunCommandAsync(settings, "admin", "verify-audit");
        var audit = $"{auditOut}\n{auditError}".Trim();
        var holds = check.Holds && integrity is "ok" or "n/a (PostgreSQL)" && auditCode == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash {settings.Provider}: cycles={done}{(done < cycles ? $" of {cycles} (time budget)" : "")} clients={clients} kill-after={minMs}-{maxMs}ms seed={seed} {ledger.Figures()} {check} " +
            $"integrity_check={integrity} verify-audit=\"{audit.Split('\n')[^1]}\" seconds={wall.Elapsed.TotalSeconds:0} {(holds ? "HOLDS" : "FAILS")}"));
        return holds && done == cycles ? 0 : 1;
    }

    /// <summary>A start that times out on an overloaded machine is tried again (three times in all); the trial goes on.</summary>
    private static async Task<ServerProcess> StartWithRetriesAsync(ServerProcess.Settings settings, TextWriter log)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ServerProcess.StartAsync(settings, log);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                Console.WriteLine($"start attempt {attempt} timed out; trying again");
            }
        }
    }

    public static ServerProcess.Settings Settings(Options options)
    {
        var provider = options.Text("provider", "sqlite");
        if (provider is not ("sqlite" or "postgres")) throw new ArgumentException("--provider is sqlite or postgres");
        return new ServerProcess.Settings(Path.GetFullPath(options.Text("app")), Path.GetFullPath(options.Text("work")), provider,
            provider == "postgres" ? options.Text("connection") : null, options.Number("port", 5390));
    }

    private static string IntegrityCheck(ServerProcess.Settings settings)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(settings.WorkFolder, "data", "firebreak.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }
}
