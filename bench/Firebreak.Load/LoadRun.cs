using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Firebreak.Load;

/// <summary>
/// POSTs numbered reports (or, with <c>--method GET</c>, reads the one URL) from concurrent clients on
/// kept-alive connections and prints one line of figures: answered, accepted (2xx), other statuses,
/// wall time, rate, and latency percentiles. A warm-up round, not counted, goes first. Each report
/// carries a unique marker ("load-RUN-N") so a later check can find every accepted report exactly once.
/// <c>--token T</c> sends a bearer token, <c>--cookie "name=value"</c> a Cookie header (a signed-in page).
/// <c>--rate R</c> paces the requests at R a second (request i starts no earlier than i/R seconds in), to measure
/// latency at a given load rather than at saturation.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Text("url"));
        var clients = options.Number("clients", 64);
        var count = options.Number("count", 10_000);
        var warmup = options.Number("warmup", 200);
        var label = options.Text("label", "run");
        var run = options.Text("run", Guid.NewGuid().ToString("N")[..8]);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) };
        if (options.Maybe("token") is { } token) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        if (options.Maybe("cookie") is { } cookie) http.DefaultRequestHeaders.Add("Cookie", cookie);
        var pace = options.Number("rate", 0);
        var get = string.Equals(options.Text("method", "POST"), "GET", StringComparison.OrdinalIgnoreCase);

        await FireAsync(http, url, get, 0, clients, warmup, $"{run}-warm", null);
        var latencies = new double[count];
        var statuses = new Dictionary<int, int>();
        var wall = Stopwatch.StartNew();
        await FireAsync(http, url, get, pace, clients, count, run, (i, status, ms) =>
        {
            latencies[i] = ms;
            lock (statuses) statuses[status] = statuses.GetValueOrDefault(status) + 1;
        });
        wall.Stop();
        Array.Sort(latencies);
        var accepted = statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);
        var others = string.Join(",", statuses.Where(s => s.Key is < 200 or >= 300).OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: clients={clients} sent={count} accepted={accepted} refused={count - accepted}{(others.Length > 0 ? $" ({others})" : "")} " +
            $"seconds={wall.Elapsed.TotalSeconds:0.00} rate={count / wall.Elapsed.TotalSeconds:0}/s " +
            $"p50={At(latencies, 0.50):0.0}ms p90={At(latencies, 0.90):0.0}ms p99={At(latencies, 0.99):0.0}ms max={latencies[^1]:0.0}ms run={run}"));
        return accepted == count ? 0 : 1;
    }

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static async Task FireAsync(HttpClient http, Uri url, bool get, int pace, int clients, int count, string run, Action<int, int, double>? record)
    {
        var next = -1;
        var begun = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (pace > 0 && TimeSpan.FromSeconds((double)i / pace) - Stopwatch.GetElapsedTime(begun) is { Ticks: > 0 } early) await Task.Delay(early);
                using var content = get ? null : Report(run, i);
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = get ? await http.GetAsync(url) : await http.PostAsync(url, content);
                    status = (int)response.StatusCode;
                    if (status >= 300 && record is not null && Interlocked.Increment(ref shown) <= 3)
                        Console.Error.WriteLine($"{status}: {await response.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException e)
                {
                    status = e.StatusCode is { } code ? (int)code : 0;
                }
                record?.Invoke(i, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
    }

    private static StringContent Report(string run, int i)
    {
        var body = $$"""{"title":"Load report load-{{run}}-{{i}}","description":"Reproduction steps for load-{{run}}-{{i}}: send a crafted request and observe the response.","affectedVersions":"1.0.0","contact":null,"credit":"anonymous","consent":false}""";
        return new StringContent(body, Encoding.UTF8, "application/json");
    }

    private static int shown; // refusals printed so far (the first three bodies say why)
}
