using System.Net;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Chat;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Intake;

public sealed class SqliteIntakeBatchNoticeTests(SqliteFactory factory) : IntakeBatchNoticeTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresIntakeBatchNoticeTests(PostgresFactory factory) : IntakeBatchNoticeTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// Reports filed together in one batch are each told as if filed alone: the writer reads the project's members, chat
/// channels and e-mail choices once for the batch and skips the database's dedup checks for keys naming an incident
/// the batch itself is adding, and neither may lose, merge or duplicate a notice, a mail or a chat message.
/// </summary>
public abstract class IntakeBatchNoticeTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportsFiledTogether_TellEachTriageOwner_MailTheReporter_AndPostToChat_OncePerReport()
    {
        var (root, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"b{Guid.NewGuid():N}"[..16];
        await root.PostJsonAsync("/api/v1/projects", new { slug, name = "Batched" }, HttpStatusCode.Created);
        var (_, mailed) = await factory.CreateUserClientAsync(admin: false);
        var (quietClient, quiet) = await factory.CreateUserClientAsync(admin: false);
        var (_, bystander) = await factory.CreateUserClientAsync(admin: false);
        foreach (var (email, role) in new[] { (mailed, "triage-owner"), (quiet, "triage-owner"), (bystander, "reviewer") })
            await root.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role }, HttpStatusCode.NoContent);
        await quietClient.SendJsonAsync(HttpMethod.Put, "/api/v1/account/notification-settings", new { email = Array.Empty<string>() }, HttpStatusCode.OK);
        var subscribed = (string)(await root.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels",
            new { kind = "slack", name = "Reports", url = "https://hooks.chat.invalid/services/r", events = new[] { "report-received" } }, HttpStatusCode.Created))["channel"]!["id"]!;
        var other = (string)(await root.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels",
            new { kind = "slack", name = "Openings", url = "https://hooks.chat.invalid/services/o", events = new[] { "incident-opened" } }, HttpStatusCode.Created))["channel"]!["id"]!;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Slug == slug, Ct);
        var queue = factory.Services.GetRequiredService<IntakeQueue>();
        const int Reports = 24;
        var receipts = await Task.WhenAll(Enumerable.Range(0, Reports).Select(i => queue.FileAsync(new Filing(project, IntakeSettings.For(project.Id),
            new ReportDraft($"Batched report {i}", "details", Severity.Medium, null, null, null,
                new Reporter($"reporter{i}@example.test", CreditPreference.Anonymous, null, false)), IncidentSource.Api, "http://localhost", []), Ct)));

        var incidents = receipts.Select(r => r.IncidentId).ToHashSet();
        Assert.Equal(Reports, incidents.Count);
        Assert.All(receipts, r => Assert.True(r.AcknowledgementQueued));
        var users = await db.Users.AsNoTracking().Where(u => u.Email == mailed || u.Email == quiet || u.Email == bystander).ToDictionaryAsync(u => u.Email!, u => u.Id, Ct);
        var notices = await db.Set<Notification>().AsNoTracking().Where(n => n.ProjectId == project.Id && n.Event == NotificationEvents.ReportReceived)
            .Select(n => new { n.UserId, n.IncidentId }).ToListAsync(Ct);
        foreach (var triage in new[] { mailed, quiet })
        {
            var theirs = notices.Where(n => n.UserId == users[triage]).Select(n => n.IncidentId!.Value).ToList();
            Assert.Equal(Reports, theirs.Count);
            Assert.True(incidents.SetEquals(theirs), $"{triage} was told of other incidents than the ones filed");
        }
        Assert.DoesNotContain(notices, n => n.UserId == users[bystander]);

        var mail = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ProjectId == project.Id).Select(m => new { m.To, m.Purpose, m.IncidentId }).ToListAsync(Ct);
        var toTriage = mail.Where(m => m.Purpose == Notifier.MailPurpose && m.To == mailed).Select(m => m.IncidentId!.Value).ToList();
        Assert.Equal(Reports, toTriage.Count);
        Assert.True(incidents.SetEquals(toTriage));
        Assert.DoesNotContain(mail, m => m.To == quiet);
        for (var i = 0; i < Reports; i++)
        {
            var to = $"reporter{i}@example.test";
            Assert.Equal(receipts[i].IncidentId, Assert.Single(mail, m => m.To == to).IncidentId);
        }

        var deliveries = await db.Set<ChatDelivery>().AsNoTracking().Where(d => d.ProjectId == project.Id).Select(d => new { d.ChannelId, d.DedupeKey }).ToListAsync(Ct);
        Assert.Equal(Reports, deliveries.Count(d => d.ChannelId == Guid.Parse(subscribed)));
        Assert.Equal(Reports, deliveries.Where(d => d.ChannelId == Guid.Parse(subscribed)).Select(d => d.DedupeKey).Distinct().Count());
        Assert.DoesNotContain(deliveries, d => d.ChannelId == Guid.Parse(other));
        var marks = await db.Set<NoticeMark>().AsNoTracking().Select(m => m.Key).ToListAsync(Ct);
        Assert.All(incidents, id => Assert.Single(marks, k => k.EndsWith($"opened:{id}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BatchReads_RememberOnlyWhileOpen()
    {
        var reads = new BatchReads();
        var count = 0;
        Task<List<int>> Read() => Task.FromResult(new List<int> { ++count });
        Assert.Equal(1, (await reads.GetAsync("k", Read))[0]);
        Assert.Equal(2, (await reads.GetAsync("k", Read))[0]);
        using (reads.Open())
        {
            Assert.Equal(3, (await reads.GetAsync("k", Read))[0]);
            Assert.Equal(3, (await reads.GetAsync("k", Read))[0]);
            Assert.Equal(4, (await reads.GetAsync("other", Read))[0]);
        }
        Assert.Equal(5, (await reads.GetAsync("k", Read))[0]);
        using (reads.Open()) Assert.Equal(6, (await reads.GetAsync("k", Read))[0]);
    }
}
