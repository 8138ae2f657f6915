using System.Net;
using Firebreak.Web.Infrastructure.Outbound;
using Firebreak.Web.Tests.Infrastructure;
using Firebreak.Web.Tests.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Firebreak.Web.Tests.Chat;

/// <summary>
/// Hostile or mistaken channels are refused at creation with 400 and a sentence naming the field and the reason (never
/// a 500); an address that passed at creation is checked again at every connection, so a name that later resolves to
/// loopback reaches nothing.
/// </summary>
public abstract class ChatChannelInputTests(FirebreakFactory factory) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, IPAddress[]> Names = new()
    {
        ["chat.example.test"] = [IPAddress.Parse("93.184.216.34")],
        ["internal.example.test"] = [IPAddress.Parse("10.1.2.3")],
    };

    private readonly CanaryListener _canary = new();

    public ValueTask InitializeAsync()
    {
        factory.ExtraServices.Add(s =>
        {
            s.RemoveAll<IHostResolver>();
            s.AddSingleton<IHostResolver>(new MappedResolver(Names));
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _canary.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string, string> Refused => new()
    {
        { """{"kind":"irc","name":"x","url":"https://chat.example.test/h"}""", "kind: 'irc' is not a chat kind" },
        { """{"kind":"slack","name":"","url":"https://chat.example.test/h"}""", "name: give the channel a name" },
        { """{"kind":"slack","name":"a\u0007b","url":"https://chat.example.test/h"}""", "name: no control characters" },
        { """{"kind":"slack","name":"x","url":"not a url"}""", "url: not an absolute address" },
        { """{"kind":"slack","name":"x"}""", "url: give the webhook's address" },
        { """{"kind":"slack","name":"x","url":"http://chat.example.test/h"}""", "use https (plain http only when Outbound:AllowHttp is set)" },
        { """{"kind":"slack","name":"x","url":"ftp://chat.example.test/h"}""", "The scheme 'ftp' is not allowed" },
        { """{"kind":"slack","name":"x","url":"file:///etc/passwd"}""", "The scheme 'file' is not allowed" },
        { """{"kind":"slack","name":"x","url":"https://user:pw@chat.example.test/h"}""", "carries a user name or password" },
        { """{"kind":"slack","name":"x","url":"https://127.0.0.1/h"}""", "is a loopback address" },
        { """{"kind":"discord","name":"x","url":"https://[::1]/h"}""", "is a loopback address" },
        { """{"kind":"discord","name":"x","url":"https://localhost./h"}""", "is a loopback address" },
        { """{"kind":"webhook","name":"x","url":"https://10.0.0.1/h"}""", "is a private network address" },
        { """{"kind":"webhook","name":"x","url":"https://internal.example.test/h"}""", "is a private network address" },
        { """{"kind":"webhook","name":"x","url":"https://169.254.169.254/latest"}""", "is a link-local address" },
        { """{"kind":"webhook","name":"x","url":"https://[::ffff:192.168.0.1]/h"}""", "is a private network address" },
        { """{"kind":"matrix","name":"x","url":"https://chat.example.test"}""", "roomId: a Matrix room id" },
        { """{"kind":"matrix","name":"x","url":"https://chat.example.test","roomId":"!r:example.test"}""", "accessToken: the access token" },
        { """{"kind":"slack","name":"x","url":"https://chat.example.test/h","events":["incident-opened","nonsense"]}""", "events[1]: 'nonsense' is not an event" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadChannel_400WithASpecificMessage(string body, string message)
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"i{Guid.NewGuid():N}"[..16];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "Input" }, HttpStatusCode.Created);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(new Uri($"/api/v1/projects/{slug}/chat-channels", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains(message, System.Text.Json.Nodes.JsonNode.Parse(text)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/projects/{slug}/chat-channels")).AsArray());
    }

    [Fact]
    public async Task NameLaterResolvingToLoopback_RefusedAtConnectTime()
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"r{Guid.NewGuid():N}"[..16];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "Rebind" }, HttpStatusCode.Created);
        var host = $"{slug}.example.test";
        lock (Names) Names[host] = [IPAddress.Parse("93.184.216.34")]; // public when the channel is added
        var created = await admin.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels",
            new { kind = "webhook", name = "rebound", url = $"https://{host}:{_canary.Port}/hook" }, HttpStatusCode.Created);
        Assert.Equal($"https://{host}:{_canary.Port}", (string?)created["channel"]!["destination"]);
        lock (Names) Names[host] = [IPAddress.Loopback]; // the name's owner points it at the server itself
        var result = await admin.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels/{created["channel"]!["id"]}/test", new { });
        Assert.False((bool)result["delivered"]!);
        Assert.Contains("refused (Loopback)", (string?)result["error"], StringComparison.Ordinal);
        Assert.Equal(0, _canary.Hits);
    }
}

public sealed class SqliteChatChannelInputTests(SqliteFactory factory) : ChatChannelInputTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresChatChannelInputTests(PostgresFactory factory) : ChatChannelInputTests(factory), IClassFixture<PostgresFactory>;
