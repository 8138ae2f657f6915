using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Operations;

/// <summary>
/// Reporters submitting through the real intake endpoint, several at once, until stopped. Each acknowledged report
/// (201) is kept with its incident number and the moment its answer arrived, so a test can say which writes a
/// reporter had been told were kept before a snapshot began.
/// </summary>
internal sealed class WriteLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(int Number, long AckedAt)> _acked = [];
    private readonly List<string> _refused = [];
    private readonly Task _running;

    private WriteLoad(Func<HttpClient> client, string slug, int clients)
    {
        _running = Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ReportAsync(client(), slug, c))));
    }

    public static WriteLoad Start(FirebreakFactory factory, string slug, int clients = 6) => new(factory.CreateClient, slug, clients);

    public int Count
    {
        get { lock (_acked) return _acked.Count; }
    }

    /// <summary>Waits until at least <paramref name="count"/> more reports were acknowledged.</summary>
    public async Task WaitForMoreAsync(int count)
    {
        var target = Count + count;
        var deadline = Stopwatch.StartNew();
        while (Count < target)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"The load stalled at {Count} acknowledged reports: {string.Join(" | ", _refused.Take(3))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the reporters and returns every acknowledged report.</summary>
    public async Task<List<(int Number, long AckedAt)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
        Assert.True(_refused.Count == 0, "Reports were refused under load: " + string.Join(" | ", _refused.Take(5)));
        lock (_acked) return [.. _acked];
    }

    private async Task ReportAsync(HttpClient client, string slug, int reporter)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), new
                {
                    title = $"Load report {reporter}-{i}",
                    description = "Steps: submit while a backup runs.",
                    affectedVersions = "< 1.0",
                    consent = true,
                }, CancellationToken.None);
            }
            catch (HttpRequestException e)
            {
                lock (_acked) _refused.Add(e.Message);
                return;
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    lock (_acked) _refused.Add($"{(int)response.StatusCode}: {text}");
                    continue;
                }
                var at = Stopwatch.GetTimestamp();
                var reference = (string)JsonNode.Parse(text)!["reference"]!;
                var number = int.Parse(reference[(reference.IndexOf('#', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                lock (_acked) _acked.Add((number, at));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // a test that failed midway: its assertion already says why
        }
        _stop.Dispose();
    }
}
