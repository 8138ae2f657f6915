using System.Net;
using Firebreak.Web.Infrastructure.Outbound;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Tests.Outbound;

/// <summary>
/// The outbound client against a corpus of server-side request forgery attempts: every way of writing a loopback,
/// private, link-local or multicast destination, names that resolve to them, redirects from an allowed server to them,
/// and other schemes. A canary listener on loopback counts connections; it must see none, and each attempt must fail
/// with the refusal that names why. Plain http is allowed here, so the scheme is not what stops them.
/// </summary>
public sealed class OutboundTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CanaryListener _canary = new();
    private LoopbackHttpServer _redirector = null!;

    public async ValueTask InitializeAsync()
    {
        _redirector = await LoopbackHttpServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path == "/to") context.Response.Redirect(context.Request.Query["u"].ToString());
            else if (path == "/307") { context.Response.StatusCode = 307; context.Response.Headers.Location = context.Request.Query["u"].ToString(); }
            else if (path == "/loop") context.Response.Redirect("/loop");
            else if (path == "/big") { context.Response.ContentLength = 2_000_000; await context.Response.Body.WriteAsync(new byte[2_000_000], Ct); }
            else if (path == "/chunked") { for (var i = 0; i < 200; i++) await context.Response.Body.WriteAsync(new byte[10_000], Ct); }
            else if (path == "/slow") await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            else await context.Response.WriteAsync("allowed", Ct);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _redirector.DisposeAsync();
        _canary.Dispose();
    }

    private static readonly Dictionary<string, IPAddress[]> Names = new()
    {
        ["loop.test"] = [IPAddress.Parse("127.0.0.1")],
        ["intranet.test"] = [IPAddress.Parse("10.0.0.5")],
        ["mixed.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("127.0.0.1")],
        ["metadata.test"] = [IPAddress.Parse("169.254.169.254")],
        ["v6loop.test"] = [IPAddress.IPv6Loopback],
        ["mapped.test"] = [IPAddress.Parse("::ffff:127.0.0.1")],
        ["nat64.test"] = [IPAddress.Parse("64:ff9b::7f00:1")],
        ["ula.test"] = [IPAddress.Parse("fd12:3456::1")],
        ["cgnat.test"] = [IPAddress.Parse("100.64.1.1")],
        ["nowhere.test"] = [],
    };

    private (OutboundClient Client, CollectingLoggerProvider Logs) Client(Action<OutboundOptions>? configure = null)
    {
        var options = new OutboundOptions { AllowHttp = true, Allow = [$"127.0.0.1:{_redirector.Port}"], Timeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        var logs = new CollectingLoggerProvider();
        var guard = new DestinationGuard(new MappedResolver(Names), Options.Create(options));
        return (new OutboundClient(guard, Options.Create(options), logs.CreateLogger("Outbound").AsTyped()), logs);
    }

    /// <summary>The corpus: an address template ({P} = canary port, {A} = the allowed redirector) and the refusal expected.</summary>
    private static readonly (string Url, OutboundRefusal Reason)[] Corpus =
    [
        ("http://127.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://2130706433:{P}/", OutboundRefusal.Loopback),
        ("http://0177.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://0x7f.1:{P}/", OutboundRefusal.Loopback),
        ("http://0x7f000001:{P}/", OutboundRefusal.Loopback),
        ("http://017700000001:{P}/", OutboundRefusal.Loopback),
        ("http://127.1:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://127.255.255.254:{P}/", OutboundRefusal.Loopback),
        ("http://0:{P}/", OutboundRefusal.Unspecified),
        ("http://0.0.0.0:{P}/", OutboundRefusal.Unspecified),
        ("http://[::]:{P}/", OutboundRefusal.Unspecified),
        ("http://[::1]:{P}/", OutboundRefusal.Loopback),
        ("http://[0:0:0:0:0:0:0:1]:{P}/", OutboundRefusal.Loopback),
        ("http://[::ffff:127.0.0.1]:{P}/", OutboundRefusal.Loopback),
        ("http://[::ffff:7f00:1]:{P}/", OutboundRefusal.Loopback),
        ("http://[0:0:0:0:0:ffff:127.0.0.1]:{P}/", OutboundRefusal.Loopback),
        ("http://[::ffff:10.0.0.1]:{P}/", OutboundRefusal.Private),
        ("http://[::127.0.0.1]:{P}/", OutboundRefusal.Reserved),
        ("http://[64:ff9b::127.0.0.1]:{P}/", OutboundRefusal.Loopback),
        ("http://[2002:7f00:1::1]:{P}/", OutboundRefusal.Loopback),
        ("http://[fe80::1]:{P}/", OutboundRefusal.LinkLocal),
        ("http://[fd00::1]:{P}/", OutboundRefusal.Private),
        ("http://[ff02::1]:{P}/", OutboundRefusal.Multicast),
        ("http://localhost:{P}/", OutboundRefusal.Loopback),
        ("http://localhost.:{P}/", OutboundRefusal.Loopback),
        ("http://LOCALHOST:{P}/", OutboundRefusal.Loopback),
        ("http://canary.localhost:{P}/", OutboundRefusal.Loopback),
        ("http://example.com@127.0.0.1:{P}/", OutboundRefusal.Credentials),
        ("http://user:secret@127.0.0.1:{P}/", OutboundRefusal.Credentials),
        ("http://127.0.0.1:{P}#@example.com/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{P}?@example.com/", OutboundRefusal.Loopback),
        ("https://127.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://10.0.0.1:{P}/", OutboundRefusal.Private),
        ("http://0x0a.0.0.1:{P}/", OutboundRefusal.Private),
        ("http://172.16.0.1:{P}/", OutboundRefusal.Private),
        ("http://172.31.255.255:{P}/", OutboundRefusal.Private),
        ("http://192.168.1.1:{P}/", OutboundRefusal.Private),
        ("http://100.64.0.1:{P}/", OutboundRefusal.Private),
        ("http://169.254.169.254/latest/meta-data/", OutboundRefusal.LinkLocal),
        ("http://224.0.0.1:{P}/", OutboundRefusal.Multicast),
        ("http://255.255.255.255:{P}/", OutboundRefusal.Reserved),
        ("http://198.18.0.1:{P}/", OutboundRefusal.Reserved),
        ("http://192.0.0.1:{P}/", OutboundRefusal.Reserved),
        ("http://loop.test:{P}/", OutboundRefusal.Loopback),
        ("http://loop.test.:{P}/", OutboundRefusal.Loopback),
        ("http://intranet.test:{P}/", OutboundRefusal.Private),
        ("http://mixed.test:{P}/", OutboundRefusal.Loopback),
        ("http://metadata.test/", OutboundRefusal.LinkLocal),
        ("http://v6loop.test:{P}/", OutboundRefusal.Loopback),
        ("http://mapped.test:{P}/", OutboundRefusal.Loopback),
        ("http://nat64.test:{P}/", OutboundRefusal.Loopback),
        ("http://ula.test:{P}/", OutboundRefusal.Private),
        ("http://cgnat.test:{P}/", OutboundRefusal.Private),
        ("http://nowhere.test:{P}/", OutboundRefusal.NoAddress),
        ("file:///etc/passwd", OutboundRefusal.Scheme),
        ("ftp://127.0.0.1:{P}/", OutboundRefusal.Scheme),
        ("gopher://127.0.0.1:{P}/_GET%20/", OutboundRefusal.Scheme),
        ("data:text/plain,hello", OutboundRefusal.Scheme),
        ("dict://127.0.0.1:{P}/info", OutboundRefusal.Scheme),
        ("ws://127.0.0.1:{P}/", OutboundRefusal.Scheme),
        ("http://127.0.0.1:{A}/to?u=http://127.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=http://localhost:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=http://[::1]:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=http://2130706433:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=http://loop.test:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=http://intranet.test:{P}/", OutboundRefusal.Private),
        ("http://127.0.0.1:{A}/to?u=//127.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=file:///etc/passwd", OutboundRefusal.Scheme),
        ("http://127.0.0.1:{A}/to?u=gopher://127.0.0.1:{P}/", OutboundRefusal.Scheme),
        ("http://127.0.0.1:{A}/307?u=http://127.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/to?u=http://127.0.0.1:{A}/to%3Fu%3Dhttp://127.0.0.1:{P}/", OutboundRefusal.Loopback),
        ("http://127.0.0.1:{A}/loop", OutboundRefusal.TooManyRedirects),
    ];

    [Fact]
    public async Task SsrfCorpus_NeverReachesTheCanary_EachRefusedForItsReason()
    {
        Assert.True(Corpus.Length >= 50, $"only {Corpus.Length} destinations");
        var (client, logs) = Client();
        var wrong = new List<string>();
        foreach (var (template, expected) in Corpus)
        {
            var text = template.Replace("{P}", _canary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{A}", _redirector.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                wrong.Add($"{text}: not an address to .NET, so never sent (expected {expected})");
                continue;
            }
            try
            {
                var answer = await client.SendAsync(new OutboundRequest(HttpMethod.Post, url, "{}"u8.ToArray()), Ct);
                wrong.Add($"{text}: answered {answer.Status}");
            }
            catch (OutboundRefusedException e) when (e.Reason == expected)
            {
                Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
            }
            catch (Exception e)
            {
                wrong.Add($"{text}: {e.GetType().Name} {(e as OutboundRefusedException)?.Reason} {e.Message}");
            }
        }
        Assert.True(_canary.Hits == 0, $"the canary was reached {_canary.Hits} time(s)");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {Corpus.Length} not refused as expected:\n" + string.Join("\n", wrong));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("user:secret", StringComparison.Ordinal) || l.Contains("meta-data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllowList_LetsTheNamedDestinationThrough_AndTheCanaryCounts()
    {
        var (client, _) = Client(o => o.Allow.Add($"127.0.0.1:{_canary.Port}"));
        var answer = await client.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{_canary.Port}/")), Ct);
        Assert.Equal(200, answer.Status);
        Assert.Equal(1, _canary.Hits);
        var allowed = await client.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{_redirector.Port}/ok")), Ct);
        Assert.Equal("allowed", System.Text.Encoding.UTF8.GetString(allowed.Body));
    }

    [Fact]
    public async Task AllowListByName_AndCidr_Match()
    {
        var (byName, _) = Client(o => o.Allow = [$"loop.test:{_redirector.Port}"]);
        Assert.Equal(200, (await byName.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri($"http://loop.test:{_redirector.Port}/")), Ct)).Status);
        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => byName.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri($"http://loop.test:{_canary.Port}/")), Ct));
        Assert.Equal(OutboundRefusal.Loopback, refused.Reason);
        var (byBlock, _) = Client(o => o.Allow = ["127.0.0.0/8"]);
        Assert.Equal(200, (await byBlock.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{_redirector.Port}/")), Ct)).Status);
    }

    [Fact]
    public async Task HttpsOnly_ByDefault()
    {
        var (client, _) = Client(o => o.AllowHttp = false);
        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{_redirector.Port}/")), Ct));
        Assert.Equal(OutboundRefusal.Scheme, refused.Reason);
        Assert.Contains("use https", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/big")]
    [InlineData("/chunked")]
    public async Task LargeAnswer_FailsWithTheCap(string path)
    {
        var (client, _) = Client(o => o.MaxResponseBytes = 100_000);
        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri(_redirector.Address, path)), Ct));
        Assert.Equal(OutboundRefusal.ResponseTooLarge, refused.Reason);
    }

    [Fact]
    public async Task SlowAnswer_TimesOut()
    {
        var (client, _) = Client(o => o.Timeout = TimeSpan.FromMilliseconds(500));
        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() => client.SendAsync(new OutboundRequest(HttpMethod.Get, new Uri(_redirector.Address, "/slow")), Ct));
        Assert.Equal(OutboundRefusal.TimedOut, refused.Reason);
    }

    [Fact]
    public async Task Logs_CarrySchemeAndHostOnly()
    {
        var (client, logs) = Client();
        await client.SendAsync(new OutboundRequest(HttpMethod.Post, new Uri($"http://127.0.0.1:{_redirector.Port}/services/T000/B000/webhook-path-secret?token=query-secret"), "{}"u8.ToArray()), Ct);
        await Assert.ThrowsAsync<OutboundRefusedException>(() => client.SendAsync(new OutboundRequest(HttpMethod.Post, new Uri($"http://127.0.0.1:{_canary.Port}/hooks/path-secret-2")), Ct));
        Assert.Contains(logs.Lines, l => l.Contains($"http://127.0.0.1:{_redirector.Port}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("secret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.0.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("fd00::/8", "fd12::1", true)]
    [InlineData("192.168.1.5:8448", "192.168.1.5", true)]
    public void AllowList_Parses(string entry, string address, bool allowed) =>
        Assert.Equal(allowed, new OutboundAllowList([entry]).AllowsAddress(IPAddress.Parse(address), 8448));

    [Theory]
    [InlineData("not a host")]
    [InlineData("10.0.0.0/40")]
    [InlineData("host:99999")]
    public void AllowList_RefusesNonsense(string entry) =>
        Assert.Throws<InvalidOperationException>(() => new OutboundAllowList([entry]));

    [Theory]
    [InlineData("8.8.8.8", null)]
    [InlineData("2606:4700::1111", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("::ffff:8.8.8.8", null)]
    [InlineData("2002:0808:0808::1", null)]
    [InlineData("172.20.1.1", "Private")]
    [InlineData("fec0::1", "Private")]
    [InlineData("2002:a9fe:a9fe::1", "LinkLocal")]
    [InlineData("64:ff9b::a00:1", "Private")]
    public void Ranges_JudgeAddresses(string address, string? expected) =>
        Assert.Equal(expected, RefusedRanges.Why(IPAddress.Parse(address))?.ToString());
}

internal static class LoggerExtensions
{
    public static ILogger<OutboundClient> AsTyped(this ILogger logger) => new Typed(logger);

    private sealed class Typed(ILogger inner) : ILogger<OutboundClient>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
