using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Audit;

/// <summary>
/// Reads are recorded in group commits (issue 17 part 5): every answered read of an incident, its JSON or its page,
/// has its record committed by the time the answer arrives, however many arrive at once, and the chain stays intact.
/// A token's last use is still written, at most once a minute.
/// </summary>
public abstract class ReadAuditTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Id)> IncidentAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"r{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Read" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "leaked-credential", title = "Key in a log", severity = "high" }, HttpStatusCode.Created);
        return (api, (string)incident["id"]!);
    }

    private async Task<List<AuditRecord>> ReadsOfAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        return await db.Set<AuditRecord>().Where(r => r.Action == "incident-read" && r.Subject == $"incident {id}").ToListAsync(Ct);
    }

    [Fact]
    public async Task ConcurrentReads_EachAnsweredReadHasItsRecord_AndTheChainVerifies()
    {
        var (api, id) = await IncidentAsync();
        var page = await PageClient.SignInAsync(factory, admin: true);

        var reads = Enumerable.Range(0, 40).Select(_ => api.GetJsonAsync($"/api/v1/incidents/{id}"))
            .Cast<Task>().Concat(Enumerable.Range(0, 10).Select(_ => page.GetHtmlAsync($"/incidents/{id}")));
        await Task.WhenAll(reads);

        var records = await ReadsOfAsync(id);
        Assert.Equal(40, records.Count(r => r.Detail == "read through the API"));
        Assert.Equal(10, records.Count(r => r.Detail == "read the incident page"));
        Assert.All(records, r => Assert.True(r.IsSealed));
        Assert.Equal(records.Count, records.Select(r => r.Sequence).Distinct().Count());
        await using var scope = factory.Services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct);
        Assert.True(verdict.Intact, verdict.ToString());
    }

    [Fact]
    public async Task OneRead_IsCommittedBeforeItsAnswer()
    {
        var (api, id) = await IncidentAsync();
        Assert.Empty(await ReadsOfAsync(id));
        await api.GetJsonAsync($"/api/v1/incidents/{id}");
        var record = Assert.Single(await ReadsOfAsync(id));
        Assert.Equal("read through the API", record.Detail);
    }

    [Fact]
    public async Task TokenLastUse_IsWrittenAtMostOnceAMinute()
    {
        var (api, id) = await IncidentAsync();
        async Task<DateTime?> LastUsedAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var hash = ApiTokens.Hash(api.DefaultRequestHeaders.Authorization!.Parameter!);
            return await db.Set<ApiToken>().Where(t => t.Hash == hash).Select(t => t.LastUsedAt).SingleAsync(Ct);
        }
        var first = await LastUsedAsync();
        Assert.NotNull(first);

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await api.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal(first, await LastUsedAsync());

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await api.GetJsonAsync($"/api/v1/incidents/{id}");
        var later = await LastUsedAsync();
        Assert.NotNull(later);
        Assert.True(later > first, $"last use {later:O} should have moved on from {first:O}");
    }
}

public sealed class SqliteReadAuditTests(SqliteFactory factory) : ReadAuditTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresReadAuditTests(PostgresFactory factory) : ReadAuditTests(factory), IClassFixture<PostgresFactory>;
