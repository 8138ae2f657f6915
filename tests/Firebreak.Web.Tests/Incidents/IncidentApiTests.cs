using System.Net;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Incidents;

/// <summary>The incident API flows; run on SQLite and on PostgreSQL by the subclasses below.</summary>
public abstract class IncidentApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<(HttpClient Api, string Slug)> ProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"p{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale", repositoryUrl = "https://example.org/springtale" }, HttpStatusCode.Created);
        return (api, slug);
    }

    [Fact]
    public async Task Migrations_CoverTheWholeModel()
    {
        factory.RequireDatabase();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration covers; add a migration for both providers (docs/adr/0002).");
    }

    [Fact]
    public async Task Open_LowWithUserSafetyClass_StoredCriticalWithFourHourFirstActionAndDayAcknowledgement()
    {
        var (api, slug) = await ProjectAsync();
        var opened = factory.Clock.GetUtcNow();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new
        {
            kind = "vulnerability-report", title = "Identity leaks across contexts", severity = "low", userSafetyClass = "identity-leak",
            reporter = new { contact = "r@example.test", credit = "handle", creditName = "@finder", consent = true },
        }, HttpStatusCode.Created);

        Assert.Equal("critical", (string?)incident["severity"]);
        Assert.Equal("low", (string?)incident["requestedSeverity"]);
        Assert.Contains("identity-leak", (string?)incident["severityReason"]);
        Assert.Equal(opened.AddHours(4), incident.Clock("first-action")["dueAt"]!.Instant());
        Assert.Equal(opened.AddHours(24), incident.Clock("acknowledgement")["dueAt"]!.Instant());
        Assert.Equal(opened.AddDays(14), incident.Clock("fix")["dueAt"]!.Instant());
        Assert.Equal(opened.AddDays(90), incident.Clock("disclosure")["dueAt"]!.Instant());
        Assert.Equal("user-safety-vulnerability", (string?)incident["playbooks"]![0]!["playbookId"]);
    }

    [Fact]
    public async Task Patch_Severity_RecomputesClocksAndRecordsOldAndNewInTimeline()
    {
        var (api, slug) = await ProjectAsync();
        var opened = factory.Clock.GetUtcNow();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "leaked-credential", title = "npm token in CI log", severity = "medium" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        Assert.Equal(opened.AddHours(72), incident.Clock("first-action")["dueAt"]!.Instant());

        var changed = await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { severity = "high" });

        Assert.Equal("high", (string?)changed["severity"]);
        Assert.Equal(opened.AddHours(24), changed.Clock("first-action")["dueAt"]!.Instant());
        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains(timeline, t => t.Contains("medium → high", StringComparison.Ordinal));
        var expected = $"first-action clock due {opened.AddHours(72).UtcDateTime:u} → {opened.AddHours(24).UtcDateTime:u}";
        Assert.Contains(timeline, t => t.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clock_PastDue_ShowsBreachedAndFiltersAsBreached()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "release-compromise", title = "Unknown tag v9.9.9", severity = "critical" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        Assert.Equal("running", (string?)incident.Clock("first-action")["state"]);

        factory.Clock.Advance(TimeSpan.FromHours(3.5));
        Assert.Equal("at-risk", (string?)(await api.GetJsonAsync($"/api/v1/incidents/{id}")).Clock("first-action")["state"]);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var late = await api.GetJsonAsync($"/api/v1/incidents/{id}");

        Assert.Equal("breached", (string?)late.Clock("first-action")["state"]);
        Assert.True((long)late.Clock("first-action")["remainingSeconds"]! < 0);
        var breached = await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?breached=true");
        Assert.Contains(breached.AsArray(), i => (string?)i!["id"] == id);
        var notBreached = await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?breached=false");
        Assert.DoesNotContain(notBreached.AsArray(), i => (string?)i!["id"] == id);
    }

    [Fact]
    public async Task KevMatch_FalsePositive_LeadsToVexStep()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "kev-match", title = "KEV: CVE-2024-3094 matched xz", severity = "high" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/read-output/complete", new { evidence = new Dictionary<string, string>() });

        await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/confirm/decide", new { option = "false-positive" });

        var after = await api.GetJsonAsync($"/api/v1/incidents/{id}");
        var steps = after["playbooks"]![0]!["steps"]!.AsArray();
        var vex = steps.Single(s => (string?)s!["id"] == "record-vex-not-affected")!;
        Assert.True((bool)vex["actionable"]!);
        Assert.Single(after["playbooks"]!.AsArray());
    }

    [Fact]
    public async Task KevMatch_Real_HandsOverToCompromisedDependencyAtPinRollback()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "kev-match", title = "KEV: CVE-2023-4863 matched libwebp", severity = "critical" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;

        var result = await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/confirm/decide", new { option = "real" });

        Assert.Equal("compromised-dependency#pin-rollback", (string?)result["handedOverTo"]);
        var after = await api.GetJsonAsync($"/api/v1/incidents/{id}");
        var runs = after["playbooks"]!.AsArray();
        Assert.Equal(2, runs.Count);
        Assert.NotNull((string?)runs[0]!["endedAt"]);
        Assert.Equal("compromised-dependency", (string?)runs[1]!["playbookId"]);
        var pin = runs[1]!["steps"]!.AsArray().Single(s => (string?)s!["id"] == "pin-rollback")!;
        Assert.Equal("pending", (string?)pin["status"]);
        Assert.True((bool)pin["actionable"]!);
        Assert.Equal("not-applicable", (string?)runs[1]!["steps"]!.AsArray().Single(s => (string?)s!["id"] == "triage")!["status"]);
    }

    [Fact]
    public async Task CompleteStep_FirstStep_StopsFirstActionClockAsMet()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "ai-guardrail-bypass", title = "Adapter leaks system prompt", severity = "high" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        var first = (string)incident["playbooks"]![0]!["steps"]![0]!["id"]!;
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var doneAt = factory.Clock.GetUtcNow();

        await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/{first}/complete",
            new { evidence = new Dictionary<string, string> { ["adapter"] = "openai", ["prompt-path"] = "tools → summariser" } });

        var after = await api.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal("met", (string?)after.Clock("first-action")["state"]);
        Assert.Equal(doneAt, after.Clock("first-action")["stoppedAt"]!.Instant());
    }

    [Fact]
    public async Task Steps_SkipWithoutReason_IsRejectedWithMessage()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "leaked-credential", title = "PyPI token leaked", severity = "critical" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        var first = (string)incident["playbooks"]![0]!["steps"]![0]!["id"]!;

        var problem = await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/{first}/skip", new { reason = "" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("reason", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);

        await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/{first}/skip", new { reason = "token was already expired" });
        await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/{first}/reopen", new { });
        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["kind"]!).ToList();
        Assert.Equal(2, timeline.Count(k => k == "step"));
    }

    [Fact]
    public async Task Incident_OfAnotherProject_IsNotFoundForNonMembers()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "other", title = "Embargoed", severity = "low" }, HttpStatusCode.Created);
        var (outsider, _) = await factory.CreateUserClientAsync(admin: false);

        await outsider.GetJsonAsync($"/api/v1/incidents/{incident["id"]}", HttpStatusCode.NotFound);
        await outsider.GetJsonAsync($"/api/v1/incidents/{incident["id"]}/timeline", HttpStatusCode.NotFound);
        await outsider.PatchJsonAsync($"/api/v1/incidents/{incident["id"]}", new { severity = "high" }, HttpStatusCode.NotFound);
        await outsider.PostJsonAsync($"/api/v1/incidents/{incident["id"]}/steps/x/skip", new { reason = "r" }, HttpStatusCode.NotFound);
        await outsider.GetJsonAsync($"/api/v1/projects/{slug}", HttpStatusCode.NotFound);
        await outsider.PostJsonAsync("/api/v1/projects", new { slug = "mine", name = "Mine" }, HttpStatusCode.Forbidden);
        Assert.Empty((await outsider.GetJsonAsync("/api/v1/projects")).AsArray());
    }

    [Theory]
    [InlineData("{\"kind\": \"vulnerability-report\", \"title\": 5", "Malformed JSON")]
    [InlineData("{\"kind\": \"exploding-toaster\", \"title\": \"x\", \"severity\": \"low\"}", "exploding-toaster")]
    [InlineData("{\"kind\": \"other\", \"title\": \"\", \"severity\": \"low\"}", "title")]
    [InlineData("{\"kind\": \"other\", \"title\": \"x\", \"severity\": \"apocalyptic\"}", "severity")]
    [InlineData("{\"kind\": \"other\", \"title\": \"x\", \"severity\": \"low\", \"userSafetyClass\": \"nope\"}", "user-safety")]
    [InlineData("{\"kind\": \"other\", \"title\": \"x\", \"severity\": \"low\", \"details\": {\"cwes\": [\"XSS\"]}}", "CWE")]
    [InlineData("[1,2,3]", "Malformed JSON")]
    public async Task Open_MalformedOrInvalid_AnswersProblemNaming(string body, string expected)
    {
        var (api, slug) = await ProjectAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PostAsync(new Uri($"/api/v1/projects/{slug}/incidents", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }
}

public sealed class SqliteIncidentApiTests(SqliteFactory factory) : IncidentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresIncidentApiTests(PostgresFactory factory) : IncidentApiTests(factory), IClassFixture<PostgresFactory>;
