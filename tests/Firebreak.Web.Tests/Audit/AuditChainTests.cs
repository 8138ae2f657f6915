using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Audit;

/// <summary>The tamper-evident record on SQLite and PostgreSQL: intact after real work, and every kind of tampering found.</summary>
public abstract class AuditChainTests(FirebreakFactory shared)
{
    /// <summary>A server on a database of its own, for tests that break the chain on purpose.</summary>
    protected abstract FirebreakFactory Fresh();

    private FirebreakFactory factory = shared;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Id)> IncidentWithHistoryAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"a{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Audited" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "leaked-credential", title = "npm token in a log", severity = "high" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = "Revoked the token at 09:12" });
        await api.GetJsonAsync($"/api/v1/incidents/{id}");
        return (api, id);
    }

    private async Task<AuditVerdict> VerifyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct);
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Database.ExecuteSqlRawAsync(sql, Ct);
    }

    [Fact]
    public async Task AuditPage_ListsWithoutVerifying_AndVerifiesTheWholeChainWhenAsked()
    {
        await IncidentWithHistoryAsync();
        var page = await PageClient.SignInAsync(factory, admin: true);

        var listed = await page.GetHtmlAsync("/admin/audit");
        Assert.Contains("Not verified on this visit", listed, StringComparison.Ordinal);
        Assert.Contains("<a id=\"verify-chain\" href=\"/admin/audit?verify=true\">", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("audit chain intact", listed, StringComparison.Ordinal);

        var verified = await page.GetHtmlAsync("/admin/audit?verify=true");
        Assert.Matches(@"<p class=""flash"" role=""status"" id=""verdict"">audit chain intact: \d+ record\(s\) verified</p>", verified);

        using var bad = await page.Http.GetAsync(new Uri("/admin/audit?verify=yes", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("verify: ", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterRealWork_IsIntactAndHoldsTimelineAndSecurityEvents()
    {
        factory.RequireDatabase();
        var (api, id) = await IncidentWithHistoryAsync();

        var verdict = await api.GetJsonAsync("/api/v1/audit/verify");
        Assert.True((bool)verdict["intact"]!, (string?)verdict["summary"]);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        // Detail is sealed, so it is searched after reading, as the product's own readers do.
        var actions = (await db.Set<AuditRecord>().ToListAsync(Ct)).Where(r => r.Subject == $"incident {id}" || r.Detail.Contains(id, StringComparison.Ordinal)).Select(r => r.Action).ToList();
        Assert.Contains("incident-read", actions);
        Assert.True(actions.Count(a => a == "timeline") >= 3, string.Join(", ", actions));
        Assert.Contains(await db.Set<AuditRecord>().Select(r => r.Action).ToListAsync(Ct), a => a == "token-created");
    }

    [Fact]
    public async Task Verify_EditedAuditRow_NamesThatRecord()
    {
        await using var own = Fresh();
        factory = own;
        factory.RequireDatabase();
        await IncidentWithHistoryAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var victim = await db.Set<AuditRecord>().Where(r => r.Action == "timeline").OrderBy(r => r.Sequence).Select(r => r.Sequence).FirstAsync(Ct);
            await SqlAsync($"UPDATE \"AuditChain\" SET \"Detail\" = 'nothing happened' WHERE \"Sequence\" = {victim}");
            var verdict = await VerifyAsync();
            Assert.False(verdict.Intact);
            Assert.Equal(victim, verdict.BrokenAt);
            Assert.Contains("does not match its hash", verdict.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verify_EditedTimelineRow_IsFound()
    {
        await using var own = Fresh();
        factory = own;
        factory.RequireDatabase();
        var (_, id) = await IncidentWithHistoryAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var incident = Guid.Parse(id);
            var changed = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Timeline
                .Where(t => t.IncidentId == incident && t.Kind == Firebreak.Domain.Incidents.TimelineKind.Note)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Text, "Nothing to see"), Ct);
            Assert.Equal(1, changed);
        }

        var verdict = await VerifyAsync();
        Assert.False(verdict.Intact);
        Assert.Contains("was changed after it was recorded", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedAuditRow_NamesTheGap()
    {
        await using var own = Fresh();
        factory = own;
        factory.RequireDatabase();
        await IncidentWithHistoryAsync();
        long last;
        await using (var scope = factory.Services.CreateAsyncScope())
            last = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<AuditRecord>().MaxAsync(r => r.Sequence, Ct);
        await SqlAsync($"DELETE FROM \"AuditChain\" WHERE \"Sequence\" = {last - 1}");

        var verdict = await VerifyAsync();
        Assert.Equal(last - 1, verdict.BrokenAt);
        Assert.Contains("is missing", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chain_ConcurrentChanges_StaysIntactWithoutErrors()
    {
        factory.RequireDatabase();
        var (api, id) = await IncidentWithHistoryAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async n =>
        {
            using var response = await api.PostAsync(new Uri($"/api/v1/incidents/{id}/messages", UriKind.Relative),
                System.Net.Http.Json.JsonContent.Create(new { body = $"note {n}", shared = false }), Ct);
            return response.StatusCode;
        }));

        Assert.All(responses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task AdminCommand_VerifyAudit_ReportsIntactChain()
    {
        factory.RequireDatabase();
        await IncidentWithHistoryAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AdminCommand.RunAsync(factory.Services, ["verify-audit"], output, error);
        Assert.True(exit == 0, error.ToString());
        Assert.Matches(@"audit chain intact: \d+ record\(s\) verified", output.ToString());
    }
}

public sealed class SqliteAuditChainTests(SqliteFactory factory) : AuditChainTests(factory), IClassFixture<SqliteFactory>
{
    protected override FirebreakFactory Fresh() => new SqliteFactory();

    [Fact]
    public async Task Change_WhoseAuditEntryCannotBeWritten_DoesNotCommit()
    {
        var (api, id) = await NewIncidentAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON \"AuditChain\" BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;", TestContext.Current.CancellationToken);
        }
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var incident = await db.Incidents.SingleAsync(i => i.Id == Guid.Parse(id), TestContext.Current.CancellationToken);
            incident.AddNote("this note must not survive", "tester", factory.Clock.GetUtcNow());
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_audit", TestContext.Current.CancellationToken);
        }
        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["text"]!);
        Assert.DoesNotContain("this note must not survive", timeline);
    }

    private async Task<(HttpClient, string)> NewIncidentAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"t{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Trigger" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "x", severity = "low" }, HttpStatusCode.Created);
        return (api, (string)incident["id"]!);
    }
}

public sealed class PostgresAuditChainTests(PostgresFactory factory) : AuditChainTests(factory), IClassFixture<PostgresFactory>
{
    protected override FirebreakFactory Fresh() => new PostgresFactory();
}
