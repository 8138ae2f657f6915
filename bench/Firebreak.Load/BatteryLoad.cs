using System.Diagnostics;
using System.Globalization;

namespace Firebreak.Load;

/// <summary>
/// The load battery against the real server: N anonymous reports, then N incidents opened through the API with a token,
/// each from C concurrent clients; every one must be answered 201 and stored exactly once. One line of figures per kind.
/// </summary>
internal static class BatteryLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var settings = CrashRun.Settings(options);
        var clients = options.Number("clients", 64);
        var count = options.Number("count", 10_000);
        Directory.CreateDirectory(settings.WorkFolder);
        await using var log = new StreamWriter(Path.Combine(settings.WorkFolder, "server.log"), append: true);
        var instance = await Instance.CreateAsync(settings, log);
        using var server = await ServerProcess.StartAsync(settings, log);
        var failures = 0;
        foreach (var kind in new[] { SubmissionKind.Reports, SubmissionKind.Incidents })
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var ledger = new Ledger(run);
            using var http = Instance.Client(kind == SubmissionKind.Incidents ? instance.Token : null, clients);
            var url = Submission.Target(settings.Url, instance.Slug, kind);
            var latencies = new double[count];
            var refusals = new List<string>();
            await FireAsync(clients, Math.Min(200, count / 10), i => Submission.SendAsync(http, url, kind, Submission.Marker("warm" + run, i), CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default));
            var wall = Stopwatch.StartNew();
            await FireAsync(clients, count, async i =>
            {
                var marker = Submission.Marker(run, i);
                var started = Stopwatch.GetTimestamp();
                var (answer, refusal) = await Submission.SendAsync(http, url, kind, marker, CancellationToken.None);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                ledger.Record(marker, answer);
                if (refusal is not null) lock (refusals) if (refusals.Count < 3) refusals.Add($"{answer.Status}: {refusal}");
            });
            wall.Stop();
            Array.Sort(latencies);
            var check = ledger.CheckAgainst(await instance.StoredAsync());
            var holds = check.Holds && ledger.Acknowledged == count;
            if (!holds) failures++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load {settings.Provider} {kind.ToString().ToLowerInvariant()}: clients={clients} {ledger.Figures()} {check} " +
                $"seconds={wall.Elapsed.TotalSeconds:0.0} rate={count / wall.Elapsed.TotalSeconds:0}/s p50={At(latencies, 0.50):0}ms p99={At(latencies, 0.99):0}ms " +
                $"max={latencies[^1]:0}ms {(holds ? "HOLDS" : "FAILS")}"));
            foreach (var r in refusals) Console.WriteLine("  " + (r.Length > 300 ? r[..300] : r));
        }
        await server.StopAsync();
        return failures == 0 ? 0 : 1;
    }

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static Task FireAsync(int clients, int count, Func<int, Task> send)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await send(i);
        })));
    }
}
