using Firebreak.Web.Features.Notifications;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Chat;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Chat;

/// <summary>
/// Chat deliveries against a real HTTP receiver on loopback, which the operator's allow-list lets the server reach:
/// a 500 is retried and the message arrives once, a server stopped with a delivery pending delivers it after a restart
/// on the same database exactly once, Matrix retries keep their transaction id, embargoed details reach only private
/// channels, the generic webhook's signature verifies, and a notice added twice is sent once.
/// </summary>
public abstract class ChatDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A server on this test's database (a fresh one, or the one named, kept for a restart).</summary>
    private protected abstract FirebreakFactory NewFactory(string? shared);

    private protected abstract string NewShared();

    private async Task<(FirebreakFactory Factory, HttpClient Admin, string Slug)> StartAsync(ChatReceiver receiver, string? shared = null, Action<FirebreakFactory>? configure = null)
    {
        var factory = NewFactory(shared);
        configure?.Invoke(factory);
        factory.RequireDatabase();
        factory.Settings["Outbound:AllowHttp"] = "true";
        factory.Settings["Outbound:Allow:0"] = $"127.0.0.1:{receiver.Port}";
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"c{Guid.NewGuid():N}"[..16];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "Chatty" }, HttpStatusCode.Created);
        return (factory, admin, slug);
    }

    private static async Task<(string Id, string? Secret)> AddChannelAsync(HttpClient admin, string slug, object body)
    {
        var created = await admin.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels", body, HttpStatusCode.Created);
        return ((string)created["channel"]!["id"]!, (string?)created["secret"]);
    }

    private static ChatNotice Notice(string key, string? detail = null) => new(NotificationEvents.IncidentOpened, "high",
        "Incident #1 opened: high, reported vulnerability", detail, "https://firebreak.example.test/incidents/1", key, FirebreakFactory.Start);

    private static async Task NotifyAsync(FirebreakFactory factory, string slug, params ChatNotice[] notices)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var projectId = await db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(Ct);
        var outbox = scope.ServiceProvider.GetRequiredService<ChatOutbox>();
        foreach (var notice in notices) await outbox.AddAsync(projectId, notice, Ct);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Answer500_ThenDelivered_OnceWithEveryAttemptRecorded()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        receiver.Answer(500);
        var (factory, admin, slug) = await StartAsync(receiver);
        await using var _ = factory;
        await AddChannelAsync(admin, slug, new { kind = "slack", name = "#security", url = receiver.Url("/services/T1/B1/slack-secret") });
        await NotifyAsync(factory, slug, Notice("incident-opened:1"));
        await receiver.WaitUntilAsync(r => r.Count == 1);
        await receiver.WaitUntilAsync(r => r.Count == 2, advance: factory);
        await Task.Delay(1000, Ct);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(500, Ct);
        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 200], requests.Select(r => r.Answered));
        Assert.All(requests, r => Assert.Equal("/services/T1/B1/slack-secret", r.Path));
        var text = (string)requests[1].Json["text"]!;
        Assert.Equal("[high] Incident #1 opened: high, reported vulnerability\nhttps://firebreak.example.test/incidents/1", text);
        var delivery = (await admin.GetJsonAsync("/api/v1/chat-deliveries")).AsArray().Single()!;
        Assert.Equal("delivered", (string?)delivery["state"]);
        Assert.Equal(2, (int)delivery["attempts"]!);
        var history = delivery["history"]!.AsArray();
        Assert.Equal(500, (int)history[0]!["status"]!);
        Assert.False((bool)history[0]!["succeeded"]!);
        Assert.Contains("answered 500", (string?)history[0]!["error"], StringComparison.Ordinal);
        Assert.DoesNotContain("slack-secret", (string?)history[0]!["error"], StringComparison.Ordinal);
        Assert.True((bool)history[1]!["succeeded"]!);
        Assert.DoesNotContain("slack-secret", (await admin.GetJsonAsync($"/api/v1/projects/{slug}/chat-channels")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerStoppedWithDeliveryPending_NewServerOnSameDatabase_DeliversExactlyOnce()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        receiver.Answer(503);
        var shared = NewShared();
        var (first, admin, slug) = await StartAsync(receiver, shared);
        var (_, secret) = await AddChannelAsync(admin, slug, new { kind = "webhook", name = "ops", url = receiver.Url("/hook") });
        await NotifyAsync(first, slug, Notice("incident-opened:restart"));
        await receiver.WaitUntilAsync(r => r.Count == 1);
        await first.DisposeAsync(); // the server stops with the delivery pending, its next attempt in the future

        var second = NewFactory(shared);
        await using (second)
        {
            second.Settings["Outbound:AllowHttp"] = "true";
            second.Settings["Outbound:Allow:0"] = $"127.0.0.1:{receiver.Port}";
            _ = second.Services; // start it
            await receiver.WaitUntilAsync(r => r.Any(x => x.Answered == 200), advance: second);
            await Task.Delay(1000, Ct);
            second.Clock.Advance(TimeSpan.FromHours(3));
            await Task.Delay(1000, Ct);
        }
        if (second is SqliteFactory sqlite) foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlite.DatabaseFile + suffix);
        if (Directory.Exists(second.DataDirectory)) Directory.Delete(second.DataDirectory, recursive: true);
        var requests = receiver.Requests.ToList();
        Assert.Equal([503, 200], requests.Select(r => r.Answered));
        var ids = requests.Select(r => r.Headers["X-Firebreak-Delivery"]).Distinct().ToList();
        Assert.Single(ids); // the same delivery both times: a receiver deduping on it shows the message once
        Assert.Equal(1, requests.Count(r => r.Answered == 200));
        Assert.Equal(ChatMessages.Sign(secret!, requests[1].Body), requests[1].Headers["X-Firebreak-Signature-256"]);
    }

    [Fact]
    public async Task Matrix_RetryKeepsTheTransactionId_AndSendsTheToken()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        receiver.Answer(502);
        var (factory, admin, slug) = await StartAsync(receiver);
        await using var _ = factory;
        await AddChannelAsync(admin, slug, new { kind = "matrix", name = "Security room", url = receiver.Url(""), roomId = "!room:matrix.example.test", accessToken = "syt_matrix_token" });
        await NotifyAsync(factory, slug, Notice("incident-opened:matrix"));
        await receiver.WaitUntilAsync(r => r.Count == 2, advance: factory);
        var requests = receiver.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("PUT", r.Method));
        Assert.Equal(requests[0].Path, requests[1].Path);
        Assert.Matches("^/_matrix/client/v3/rooms/!room:matrix.example.test/send/m.room.message/[0-9a-f]{32}$", requests[0].Path); // Kestrel shows the path decoded
        Assert.All(requests, r => Assert.Equal("Bearer syt_matrix_token", r.Headers["Authorization"]));
        Assert.Equal("m.text", (string?)requests[1].Json["msgtype"]);
        Assert.Contains("Incident #1 opened", (string?)requests[1].Json["body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbargoedDetail_ReachesOnlyThePrivateChannel_AndSignaturesVerify()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var (factory, admin, slug) = await StartAsync(receiver);
        await using var _ = factory;
        var (_, publicKey) = await AddChannelAsync(admin, slug, new { kind = "webhook", name = "public", url = receiver.Url("/public") });
        var (_, privateKey) = await AddChannelAsync(admin, slug, new { kind = "webhook", name = "private", url = receiver.Url("/private"), @private = true });
        await AddChannelAsync(admin, slug, new { kind = "discord", name = "discord", url = receiver.Url("/discord"), events = new[] { "incident-opened" } });
        await AddChannelAsync(admin, slug, new { kind = "slack", name = "elsewhere", url = receiver.Url("/not-subscribed"), events = new[] { "advisory-published" } });
        await NotifyAsync(factory, slug, Notice("incident-opened:embargo", "EMBARGOED: libfoo 1.2 heap overflow in parse_header @everyone"));
        await receiver.WaitUntilAsync(r => r.Count == 3);
        await Task.Delay(500, Ct);
        var byPath = receiver.Requests.ToDictionary(r => r.Path);
        Assert.Equal(3, byPath.Count); // the channel not subscribed to the event got nothing
        Assert.DoesNotContain("EMBARGOED", byPath["/public"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("EMBARGOED", byPath["/discord"].Text, StringComparison.Ordinal);
        Assert.Contains("EMBARGOED", (string?)byPath["/private"].Json["detail"], StringComparison.Ordinal);
        var body = byPath["/public"].Json;
        Assert.Equal(byPath["/public"].Headers["X-Firebreak-Delivery"], (string?)body["id"]);
        Assert.Equal("incident-opened", (string?)body["event"]);
        Assert.Equal("high", (string?)body["severity"]);
        Assert.Equal("https://firebreak.example.test/incidents/1", (string?)body["link"]);
        Assert.Equal(FirebreakFactory.Start, DateTimeOffset.Parse((string)body["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(publicKey!), byPath["/public"].Body)),
            byPath["/public"].Headers["X-Firebreak-Signature-256"]);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(privateKey!), byPath["/private"].Body)),
            byPath["/private"].Headers["X-Firebreak-Signature-256"]);
        Assert.NotEqual(publicKey, privateKey);
        Assert.Empty(byPath["/discord"].Json["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task SameNoticeTwice_SavesAndSendsOnce()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var (factory, admin, slug) = await StartAsync(receiver);
        await using var _ = factory;
        await AddChannelAsync(admin, slug, new { kind = "slack", name = "dupes", url = receiver.Url("/dupes") });
        await NotifyAsync(factory, slug, Notice("incident-opened:dup"), Notice("incident-opened:dup"));
        await NotifyAsync(factory, slug, Notice("incident-opened:dup"));
        await NotifyAsync(factory, slug, Notice("incident-opened:" + new string('x', 500)), Notice("incident-opened:" + new string('x', 500)));
        await receiver.WaitUntilAsync(r => r.Count == 2);
        await Task.Delay(1000, Ct);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(2, (await admin.GetJsonAsync("/api/v1/chat-deliveries")).AsArray().Count);
    }

    [Fact]
    public async Task TestButton_SendsToThatChannel_AndRemoveStopsIt()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var (factory, admin, slug) = await StartAsync(receiver);
        await using var _ = factory;
        var (id, _) = await AddChannelAsync(admin, slug, new { kind = "discord", name = "tested", url = receiver.Url("/api/webhooks/1/discord-secret") });
        var result = await admin.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels/{id}/test", new { });
        Assert.True((bool)result["delivered"]!);
        Assert.Equal(200, (int)result["status"]!);
        Assert.Contains("Test message from Firebreak for Chatty", (string?)receiver.Requests.Single().Json["content"], StringComparison.Ordinal);
        Assert.Contains($"/projects/{slug}/chat", (string?)receiver.Requests.Single().Json["content"], StringComparison.Ordinal);
        using (var removed = await admin.DeleteAsync(new Uri($"/api/v1/projects/{slug}/chat-channels/{id}", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await NotifyAsync(factory, slug, Notice("incident-opened:after-removal"));
        await Task.Delay(500, Ct);
        Assert.Single(receiver.Requests);
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/projects/{slug}/chat-channels")).AsArray());
    }

    [Fact]
    public async Task Deliveries_Page_NewestFirst_InTheApiAndThePage_WithoutOverlap_KeepingTheState()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        var (factory, admin, slug) = await StartAsync(receiver);
        await using var _ = factory;
        await AddChannelAsync(admin, slug, new { kind = "slack", name = "paged", url = receiver.Url("/paged") });
        // Queued in one pass at one instant: only the id tells them apart, so the order must still be total.
        await NotifyAsync(factory, slug, [.. Enumerable.Range(0, 5).Select(n => Notice($"incident-opened:paged-{n}"))]);
        await receiver.WaitUntilAsync(r => r.Count == 5);
        await Task.Delay(500, Ct);

        var all = (await admin.GetJsonAsync("/api/v1/chat-deliveries")).AsArray().Select(d => (string)d!["id"]!).ToList();
        Assert.Equal(5, all.Count);
        var ids = new List<string>();
        var sizes = new List<int>();
        string? next = "/api/v1/chat-deliveries?state=delivered&limit=2";
        while (next is not null)
        {
            using var response = await admin.GetAsync(new Uri(next, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
            var page = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
            sizes.Add(page.Count);
            ids.AddRange(page.Select(d => (string)d!["id"]!));
            var link = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Link").Single(), "<([^>]+)>; rel=\"next\"");
            next = link.Success ? link.Groups[1].Value : null;
            if (next is not null) Assert.Contains("state=delivered", next, StringComparison.Ordinal);
        }
        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(all, ids);
        Assert.Contains("limit: ", (await admin.SendJsonAsync(HttpMethod.Get, "/api/v1/chat-deliveries?limit=300", null, HttpStatusCode.UnprocessableEntity)).Text(),
            StringComparison.Ordinal);

        var browser = await PageClient.SignInAsync(factory, admin: true);
        var shown = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            var html = await browser.GetHtmlAsync($"/admin/chat?pageSize=2&p={n}");
            Assert.Contains($"5 message(s) · page {n} of 3", html, StringComparison.Ordinal);
            shown.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "<code class=\"muted\">([0-9a-f-]{36})</code>").Select(m => m.Groups[1].Value));
            var link = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\" rel=\"next\">|<a rel=\"next\" href=\"([^\"]+)\">");
            Assert.Equal(n < 3, link.Success);
            if (link.Success)
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Success ? link.Groups[1].Value : link.Groups[2].Value);
                Assert.Contains($"p={n + 1}", href, StringComparison.Ordinal);
                Assert.Contains("pageSize=2", href, StringComparison.Ordinal);
            }
        }
        Assert.Equal(all, shown);
        using var bad = await browser.Http.GetAsync(new Uri("/admin/chat?p=0", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("p: ", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedForGood_ParkedAsFailed_RetryDeliversWithTheSameId()
    {
        await using var receiver = await ChatReceiver.StartAsync();
        receiver.Answer(500, 500, 500);
        var (factory, admin, slug) = await StartAsync(receiver, configure: f => f.Settings["Chat:MaxAttempts"] = "3");
        await using var _ = factory;
        await AddChannelAsync(admin, slug, new { kind = "webhook", name = "flaky", url = receiver.Url("/flaky") });
        await NotifyAsync(factory, slug, Notice("incident-opened:flaky"));
        await receiver.WaitUntilAsync(r => r.Count == 3, advance: factory);
        await Task.Delay(500, Ct);
        var delivery = (await admin.GetJsonAsync("/api/v1/chat-deliveries?state=failed")).AsArray().Single()!;
        Assert.Equal(3, delivery["history"]!.AsArray().Count);
        using (var retried = await admin.PostAsync(new Uri($"/api/v1/chat-deliveries/{delivery["id"]}/retry", UriKind.Relative), null, Ct))
            Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        await receiver.WaitUntilAsync(r => r.Count == 4);
        Assert.Single(receiver.Requests.Select(r => r.Headers["X-Firebreak-Delivery"]).Distinct());
        await admin.GetJsonAsync("/api/v1/chat-deliveries?state=nonsense", HttpStatusCode.UnprocessableEntity);
    }
}

public sealed class SqliteChatDeliveryTests : ChatDeliveryTests
{
    private protected override FirebreakFactory NewFactory(string? shared) => shared is null ? new SqliteFactory() : new SqliteFactory(shared, keepFile: true);

    private protected override string NewShared() => Path.Combine(Path.GetTempPath(), $"firebreak-chat-{Guid.NewGuid():N}.db");
}

public sealed class PostgresChatDeliveryTests : ChatDeliveryTests
{
    private protected override FirebreakFactory NewFactory(string? shared) => shared is null ? new PostgresFactory()
        : new PostgresFactory(shared, Path.Combine(Path.GetTempPath(), $"{shared}.data"));

    private protected override string NewShared() => $"firebreak_test_{Guid.NewGuid():N}";
}
