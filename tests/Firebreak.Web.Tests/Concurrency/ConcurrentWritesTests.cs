using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Concurrency;

/// <summary>
/// Concurrency is normal: many writers at the same moment, on SQLite and on PostgreSQL, and nobody
/// is refused for it. Reports and openings each get their own dense number; writers racing on one
/// incident all land.
/// </summary>
public abstract class ConcurrentWritesTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Maintainer, string Slug)> ProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"c{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Concurrent" }, HttpStatusCode.Created);
        return (api, slug);
    }

    /// <summary>Runs <paramref name="count"/> calls from <paramref name="clients"/> concurrent callers; each call's status and body.</summary>
    private static async Task<List<(HttpStatusCode Status, string Body)>> FireAsync(int clients, int count, Func<int, Task<HttpResponseMessage>> call)
    {
        var results = new (HttpStatusCode, string)[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var response = await call(i);
                results[i] = (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
            }
        }, Ct)));
        return [.. results];
    }

    private static void AllAre(HttpStatusCode expected, List<(HttpStatusCode Status, string Body)> results)
    {
        var refused = results.Where(r => r.Status != expected).ToList();
        Assert.True(refused.Count == 0, $"{refused.Count} of {results.Count} were not {(int)expected}; first: {(int)refused.FirstOrDefault().Status} {refused.FirstOrDefault().Body}");
    }

    [Fact]
    public async Task Reports_FromManyClientsAtOnce_AreAllAcceptedWithDenseNumbers()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        const int count = 160;
        var anonymous = factory.CreateClient();
        var results = await FireAsync(clients: 32, count, i => anonymous.PostAsJsonAsync($"/api/v1/projects/{slug}/reports",
            new { title = $"Report {i}", description = $"marker-{i}", credit = "anonymous" }, Ct));

        AllAre(HttpStatusCode.Created, results);
        var references = results.Select(r => (string)JsonNode.Parse(r.Body)!["reference"]!).ToList();
        Assert.Equal(count, references.Distinct().Count());
        var incidents = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents?pageSize=200")).AsArray();
        Assert.Equal(Enumerable.Range(1, count), incidents.Select(i => (int)i!["number"]!).Order());
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"marker-{i}").Order(), incidents.Select(i => (string)i!["summary"]!).Order());
    }

    [Fact]
    public async Task Openings_ThroughTheApiAndIntakeAtOnce_ShareOneDenseSequence()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var anonymous = factory.CreateClient();
        const int count = 96;
        var results = await FireAsync(clients: 24, count, i => i % 2 == 0
            ? maintainer.PostAsJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "leaked-credential", title = $"Token {i}", severity = "high" }, Ct)
            : anonymous.PostAsJsonAsync($"/api/v1/projects/{slug}/reports", new { title = $"Report {i}", description = "d", credit = "anonymous" }, Ct));

        AllAre(HttpStatusCode.Created, results);
        var incidents = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents?pageSize=200")).AsArray();
        Assert.Equal(Enumerable.Range(1, count), incidents.Select(i => (int)i!["number"]!).Order());
        Assert.Equal(count / 2, incidents.Count(i => (string?)i!["kind"] == "leaked-credential"));
    }

    [Fact]
    public async Task Messages_OnOneIncidentAtOnce_AllLand()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var receipt = await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports",
            new { title = "One incident, many writers", description = "d", credit = "anonymous" }, HttpStatusCode.Created);
        var id = (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents?pageSize=200")).AsArray().Single()!["id"]!;
        const int count = 48;
        var results = await FireAsync(clients: 16, count, i => maintainer.PostAsJsonAsync($"/api/v1/incidents/{id}/messages",
            new { body = $"note {i}", shared = i % 3 == 0 }, Ct));

        AllAre(HttpStatusCode.Created, results);
        var messages = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/messages")).AsArray();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"note {i}").Order(), messages.Select(m => (string)m!["body"]!).Order());
        Assert.NotNull(receipt["token"]);
    }

    [Fact]
    public async Task Changes_ToOneIncidentAtOnce_AllLandInTheTimeline()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var incident = await maintainer.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "other", title = "Busy incident", severity = "low" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        const int count = 40;
        var results = await FireAsync(clients: 16, count, i => maintainer.PatchAsync(new Uri($"/api/v1/incidents/{id}", UriKind.Relative),
            JsonContent.Create(new { note = $"observation {i}" }), Ct));

        AllAre(HttpStatusCode.OK, results);
        var timeline = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray();
        var notes = timeline.Select(e => (string?)e!["text"]).Where(t => t?.StartsWith("observation ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"observation {i}").Order(), notes.Order());
        Assert.True((bool)(await maintainer.GetJsonAsync("/api/v1/audit/verify"))["intact"]!);
    }
}

public sealed class SqliteConcurrentWritesTests(SqliteFactory factory) : ConcurrentWritesTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresConcurrentWritesTests(PostgresFactory factory) : ConcurrentWritesTests(factory), IClassFixture<PostgresFactory>;
