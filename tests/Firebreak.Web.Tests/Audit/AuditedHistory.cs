using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Audit;

/// <summary>
/// A realistic audited history made through the real endpoints: administrators and members,
/// projects, incidents opened by hand and by anonymous reports, notes, re-triage, renames, thread
/// messages and reads, spread over simulated days. Copies of the audit tables are kept part-way
/// (<see cref="OlderCopies"/>) to stand in for an older backup of the database.
/// </summary>
internal static class AuditedHistory
{
    /// <summary>Names of the kept copies: each is a pair of tables <c>{name}_AuditChain</c> and <c>{name}_Timeline</c>.</summary>
    public static readonly string[] OlderCopies = ["older_early", "older_late"];

    public static async Task BuildAsync(FirebreakFactory factory, CancellationToken ct)
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var incidents = new List<string>();
        for (var p = 0; p < 3; p++)
        {
            var slug = $"h{p}{Guid.NewGuid():N}"[..18];
            await admin.PostJsonAsync("/api/v1/projects", new { slug, name = $"Project {p}", repositoryUrl = "https://example.org/p" }, HttpStatusCode.Created);
            for (var i = 0; i < 3; i++)
            {
                var incident = await admin.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
                    new { kind = i % 2 == 0 ? "leaked-credential" : "other", title = $"Incident {p}.{i}", severity = i == 0 ? "high" : "low" }, HttpStatusCode.Created);
                incidents.Add((string)incident["id"]!);
                factory.Clock.Advance(TimeSpan.FromMinutes(7));
            }
            var receipt = await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports", new
            {
                title = "Panic wipe leaves the vault key on disk", description = "1. enable panic wipe\n2. trigger it\n3. key.bin is still there",
                affectedVersions = "< 0.4.2", credit = "handle", creditName = "@finder", consent = true,
            }, HttpStatusCode.Created);
            Assert.NotNull(receipt["token"]);
            if (p == 0) await KeepCopyAsync(factory, OlderCopies[0], ct);
        }
        for (var round = 0; round < 3; round++)
        {
            foreach (var id in incidents)
            {
                await admin.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = $"Round {round}: looked at the logs of {id[..8]}" });
                if (round == 1) await admin.PatchJsonAsync($"/api/v1/incidents/{id}", new { severity = "critical" });
                if (round == 2) await admin.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = $"Team note {round}", shared = false }, HttpStatusCode.Created);
                await admin.GetJsonAsync($"/api/v1/incidents/{id}");
                factory.Clock.Advance(TimeSpan.FromSeconds(97) + TimeSpan.FromTicks(round * 13)); // sub-second instants too
            }
            await factory.CreateUserClientAsync(admin: false); // a new account and its token: security events between timeline entries
            factory.Clock.Advance(TimeSpan.FromHours(5));
        }
        await KeepCopyAsync(factory, OlderCopies[1], ct);
        await admin.PatchJsonAsync($"/api/v1/incidents/{incidents[0]}", new { title = "Incident 0.0, renamed after the copy" });
    }

    /// <summary>Copies both audit tables as they are now, to be put back later as if an older backup replaced the database.</summary>
    private static async Task KeepCopyAsync(FirebreakFactory factory, string name, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        foreach (var table in new[] { "AuditChain", "Timeline" })
        {
            var copy = $"CREATE TABLE \"{name}_{table}\" AS SELECT * FROM \"{table}\""; // names of ours only
            await db.Database.ExecuteSqlRawAsync(copy, ct);
        }
    }
}
