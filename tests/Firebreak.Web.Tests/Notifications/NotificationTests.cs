using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Notifications;

public sealed class SqliteNotificationTests(SqliteFactory factory) : NotificationTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNotificationTests(PostgresFactory factory) : NotificationTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// Whatever waits for a person tells that person, once: on a test clock a Critical incident nobody acts on gives its
/// triage owner one at-risk and one breached notice, and the breach reaches the incident manager and the board, each
/// once in the inbox and once by e-mail, however many alarm passes run and however many run at the same moment;
/// reviews reach the reviewers and come back to the author; e-mail follows each person's choices; nobody reads
/// another's notices, or a project's notices after leaving it.
/// </summary>
public abstract class NotificationTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Person(HttpClient Client, string Email);

    private sealed record Team(HttpClient Root, string Slug, Person Admin, Person Triage, Person Manager, Person Board, Person Reviewer);

    private async Task<Team> TeamAsync()
    {
        var (root, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"n{Guid.NewGuid():N}"[..16];
        await root.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        async Task<Person> Member(string role)
        {
            var (client, email) = await factory.CreateUserClientAsync(admin: false);
            await root.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role }, HttpStatusCode.NoContent);
            return new(client, email);
        }
        return new(root, slug, await Member("admin"), await Member("triage-owner"), await Member("incident-manager"), await Member("board"), await Member("reviewer"));
    }

    private static async Task<JsonArray> InboxAsync(Person person, string? kind = null)
    {
        var all = (await person.Client.GetJsonAsync("/api/v1/notifications"))["notifications"]!.AsArray();
        return [.. all.Where(n => kind is null || (string)n!["event"]! == kind).Select(n => n!.DeepClone())];
    }

    private async Task<int> MailsAsync(string to, string subjectPart)
    {
        var (root, _) = await factory.CreateUserClientAsync(admin: true);
        return (await root.GetJsonAsync("/api/v1/outbox")).AsArray()
            .Count(m => (string)m!["to"]! == to && (string)m["purpose"]! == Notifier.MailPurpose && ((string)m["subject"]!).Contains(subjectPart, StringComparison.Ordinal));
    }

    private async Task SoundAlarmsAsync(int concurrently)
    {
        await Task.WhenAll(Enumerable.Range(0, concurrently).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SoundAlarms>().ExecuteAsync(Ct);
        }));
    }

    [Fact]
    public async Task CriticalIncidentNobodyActsOn_GivesOneAtRiskAndOneBreachedNotice_ToThePeopleThePolicyNames()
    {
        var t = await TeamAsync();
        var channels = new Dictionary<bool, string>();
        foreach (var isPrivate in new[] { false, true })
        {
            var created = await t.Root.PostJsonAsync($"/api/v1/projects/{t.Slug}/chat-channels",
                new { kind = "slack", name = isPrivate ? "Security team" : "Project chat", url = "https://hooks.chat.invalid/services/x", @private = isPrivate },
                HttpStatusCode.Created);
            channels[isPrivate] = (string)created["channel"]!["id"]!;
        }
        var opened = await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "leaked-credential", title = "Publish token in a CI log", severity = "critical" }, HttpStatusCode.Created);
        var id = (string)opened["id"]!;

        // Opening tells whoever triages, and the board for a Critical; not the one who opened it.
        Assert.Single(await InboxAsync(t.Triage, NotificationEvents.IncidentOpened));
        Assert.Single(await InboxAsync(t.Board, NotificationEvents.IncidentOpened));
        Assert.Empty(await InboxAsync(t.Manager));
        Assert.Empty(await InboxAsync(t.Admin));
        var openedNotice = (await InboxAsync(t.Triage))[0]!;
        Assert.Contains("Publish token in a CI log", (string)openedNotice["title"]!, StringComparison.Ordinal);
        Assert.Equal($"/incidents/{id}", (string)openedNotice["link"]!);

        // Three quarters of the 4-hour first-action window gone: at risk, told once to the triage owner alone.
        factory.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        await SoundAlarmsAsync(concurrently: 3);
        await SoundAlarmsAsync(concurrently: 1);
        var atRisk = await InboxAsync(t.Triage, NotificationEvents.ClockAtRisk);
        Assert.Single(atRisk);
        Assert.Contains("first-action deadline", (string)atRisk[0]!["title"]!, StringComparison.Ordinal);
        Assert.Empty(await InboxAsync(t.Manager, NotificationEvents.ClockAtRisk));
        Assert.Empty(await InboxAsync(t.Board, NotificationEvents.ClockAtRisk));

        // Past due: breached, told once each to the triage owner, the incident manager and the board.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await SoundAlarmsAsync(concurrently: 3);
        await SoundAlarmsAsync(concurrently: 1);
        foreach (var person in new[] { t.Triage, t.Manager, t.Board })
        {
            var breached = await InboxAsync(person, NotificationEvents.ClockBreached);
            Assert.True(breached.Count == 1, $"{person.Email}: {breached.ToJsonString()}");
            Assert.StartsWith("[Springtale] Breached: the first-action deadline of critical #", (string)breached[0]!["title"]!, StringComparison.Ordinal);
        }
        Assert.Empty(await InboxAsync(t.Reviewer));
        Assert.Empty(await InboxAsync(t.Admin, NotificationEvents.ClockBreached));

        // And by e-mail, once per person and event (everyone here keeps the defaults).
        Assert.Equal(1, await MailsAsync(t.Triage.Email, "At risk: the first-action deadline"));
        Assert.Equal(1, await MailsAsync(t.Triage.Email, "Breached: the first-action deadline"));
        Assert.Equal(1, await MailsAsync(t.Manager.Email, "Breached: the first-action deadline"));
        Assert.Equal(1, await MailsAsync(t.Board.Email, "Breached: the first-action deadline"));
        Assert.Equal(0, await MailsAsync(t.Manager.Email, "At risk"));

        // And once per chat channel: the public one hears the kind and the severity, only the private one the title.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
        var deliveries = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Firebreak.Web.Features.Chat.ChatDelivery>().Where(d => d.Link.EndsWith(id)), Ct);
        foreach (var (isPrivate, channel) in channels)
        {
            var mine = deliveries.Where(d => d.ChannelId == Guid.Parse(channel)).ToList();
            Assert.Equal([NotificationEvents.ClockAtRisk, NotificationEvents.ClockBreached, NotificationEvents.IncidentOpened], mine.Select(d => d.EventKind).Order());
            var breached = mine.Single(d => d.EventKind == NotificationEvents.ClockBreached);
            Assert.Equal("critical", breached.Severity);
            Assert.StartsWith("[Springtale] Clock breached: critical incident #", breached.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain("Publish token", string.Join(" ", mine.Select(d => d.Summary)), StringComparison.Ordinal);
            if (isPrivate) Assert.Contains("Publish token in a CI log", mine.Single(d => d.EventKind == NotificationEvents.IncidentOpened).Detail, StringComparison.Ordinal);
            else Assert.All(mine, d => Assert.Null(d.Detail));
        }
    }

    [Fact]
    public async Task ManyIncidentsNotDue_AreNeverTold_AndTheDueOnesAreToldOnce_AcrossBatches()
    {
        var t = await TeamAsync();
        async Task<int> Open(string severity, int n) => (int)(await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "leaked-credential", title = $"{severity} leak {n}", severity }, HttpStatusCode.Created))["number"]!;
        var quiet = new List<int>();
        for (var n = 0; n < 14; n++) quiet.Add(await Open("low", n)); // a 7-day first-action window: nowhere near at risk after 4 hours
        var loud = new List<int> { await Open("critical", 0) };
        for (var n = 14; n < 20; n++) quiet.Add(await Open("low", n));
        loud.Add(await Open("critical", 1));

        factory.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1)); // the Critical ones' 4-hour window has passed
        for (var pass = 0; pass < 2; pass++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var alarms = scope.ServiceProvider.GetRequiredService<SoundAlarms>();
            alarms.BatchSize = 2; // many batches in one pass
            await alarms.ExecuteAsync(Ct);
        }
        var mine = (await InboxAsync(t.Triage, NotificationEvents.ClockBreached)).Select(n => (string)n!["title"]!)
            .Where(title => title.StartsWith("[Springtale] ", StringComparison.Ordinal)).ToList();
        int NumberIn(string title) => int.Parse(title[(title.LastIndexOf('#') + 1)..].Split(' ', ':')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(loud.Order(), mine.Select(NumberIn).Order());
        Assert.All(mine, title => Assert.Contains("first-action deadline of critical #", title, StringComparison.Ordinal));
        Assert.DoesNotContain(await InboxAsync(t.Triage, NotificationEvents.ClockAtRisk), n => ((string)n!["title"]!).Contains("of low #", StringComparison.Ordinal)
            && quiet.Contains(NumberIn((string)n["title"]!)));
    }

    [Fact]
    public async Task AssignedTriageOwner_IsTheOneTold_AndAClockStoppedInTimeSaysNothing()
    {
        var t = await TeamAsync();
        var (other, otherEmail) = await factory.CreateUserClientAsync(admin: false);
        await t.Root.PostJsonAsync($"/api/v1/projects/{t.Slug}/members", new { email = otherEmail, role = "triage-owner" }, HttpStatusCode.NoContent);
        var high = (string)(await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "vulnerability-report", title = "Parser overflow", severity = "high" }, HttpStatusCode.Created))["id"]!;
        await t.Admin.Client.PatchJsonAsync($"/api/v1/incidents/{high}", new { assignments = new Dictionary<string, string> { ["triage-owner"] = otherEmail } });
        var medium = (await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "vulnerability-report", title = "Timing leak", severity = "medium" }, HttpStatusCode.Created));
        var step = (string)medium["playbooks"]![0]!["steps"]![0]!["id"]!;
        await t.Admin.Client.PostJsonAsync($"/api/v1/incidents/{(string)medium["id"]!}/steps/{step}/complete", new { }, HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1)); // past High's 24 h, and Medium's 72 h
        await SoundAlarmsAsync(concurrently: 2);
        static bool FirstAction(JsonNode? n, string severity) => ((string)n!["title"]!).Contains($"first-action deadline of {severity} #", StringComparison.Ordinal);
        var breached = await InboxAsync(new Person(other, otherEmail), NotificationEvents.ClockBreached);
        Assert.True(breached.Count(n => FirstAction(n, "high")) == 1, breached.ToJsonString());
        Assert.DoesNotContain(await InboxAsync(t.Triage, NotificationEvents.ClockBreached), n => FirstAction(n, "high")); // assigned to the other one
        Assert.Single(await InboxAsync(t.Manager, NotificationEvents.ClockBreached), n => FirstAction(n, "high"));
        Assert.DoesNotContain(await InboxAsync(t.Manager, NotificationEvents.ClockBreached), n => FirstAction(n, "medium")); // met in time
        // The unassigned medium report's acknowledgement clock (24 h) breached too: both triage owners hold that role.
        Assert.Single(await InboxAsync(t.Triage, NotificationEvents.ClockBreached), n => ((string)n!["title"]!).Contains("acknowledgement deadline of medium #", StringComparison.Ordinal));
        Assert.Empty(await InboxAsync(t.Board, NotificationEvents.ClockBreached)); // neither is Critical
    }

    [Fact]
    public async Task Review_ReachesTheReviewers_NotTheAuthor_AndTheAnswerComesBackToTheAuthor()
    {
        var t = await TeamAsync();
        var id = (string)(await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "vulnerability-report", title = "Panic wipe leaves the key", severity = "high" }, HttpStatusCode.Created))["id"]!;
        using (var advisory = new StringContent(Disclosure.AdvisoryApiTests.Advisory, System.Text.Encoding.UTF8, "application/json"))
        using (var saved = await t.Admin.Client.PutAsync(new Uri($"/api/v1/incidents/{id}/advisory", UriKind.Relative), advisory, Ct))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await t.Admin.Client.PostJsonAsync($"/api/v1/incidents/{id}/advisory/review", new { }, HttpStatusCode.OK);

        foreach (var reviewer in new[] { t.Reviewer, t.Manager })
        {
            var asked = await InboxAsync(reviewer, NotificationEvents.ReviewRequested);
            Assert.Single(asked);
            Assert.Equal($"/incidents/{id}/advisory", (string)asked[0]!["link"]!);
        }
        Assert.Empty(await InboxAsync(t.Admin, NotificationEvents.ReviewRequested)); // the author cannot approve their own
        Assert.Empty(await InboxAsync(t.Triage, NotificationEvents.ReviewRequested)); // holds no review permission
        Assert.Empty(await InboxAsync(t.Board, NotificationEvents.ReviewRequested));

        await t.Reviewer.Client.PostJsonAsync($"/api/v1/incidents/{id}/advisory/return", new { reason = "The fixed version is missing" }, HttpStatusCode.OK);
        var returned = await InboxAsync(t.Admin, NotificationEvents.ReviewReturned);
        Assert.Single(returned);
        Assert.Contains("The fixed version is missing", (string)returned[0]!["title"]!, StringComparison.Ordinal);

        await t.Admin.Client.PostJsonAsync($"/api/v1/incidents/{id}/advisory/review", new { }, HttpStatusCode.OK);
        await t.Reviewer.Client.PostJsonAsync($"/api/v1/incidents/{id}/advisory/approve", new { }, HttpStatusCode.OK);
        Assert.Single(await InboxAsync(t.Admin, NotificationEvents.ReviewApproved));
        Assert.Single(await InboxAsync(t.Manager, NotificationEvents.AdvisoryScheduled));
        Assert.Equal(2, (await InboxAsync(t.Reviewer, NotificationEvents.ReviewRequested)).Count); // a second request is a second version
    }

    [Fact]
    public async Task EmailChoices_AreEachPersons_AndAnUnknownEventIsRefusedByName()
    {
        var t = await TeamAsync();
        var settings = await t.Triage.Client.GetJsonAsync("/api/v1/account/notification-settings");
        Assert.Contains("clock-breached", settings["email"]!.AsArray().Select(e => (string)e!));
        Assert.DoesNotContain("advisory-scheduled", settings["email"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(NotificationEvents.All.Count, settings["events"]!.AsArray().Count);

        var refused = await t.Triage.Client.SendJsonAsync(HttpMethod.Put, "/api/v1/account/notification-settings",
            new { email = new[] { "clock-breached", "<script>alert(1)</script>" } }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("email: '<script>alert(1)</script>' is not an event", (string)refused["detail"]!, StringComparison.Ordinal);
        await t.Triage.Client.SendJsonAsync(HttpMethod.Put, "/api/v1/account/notification-settings", new { email = (string[]?)null }, HttpStatusCode.UnprocessableEntity);

        // Concurrent saves by the same person each save whole; the stored choice is one of them.
        var choices = new[] { new[] { "clock-breached" }, [], ["report-received", "clock-at-risk"], ["review-requested"] };
        await Task.WhenAll(choices.Select(c => t.Triage.Client.SendJsonAsync(HttpMethod.Put, "/api/v1/account/notification-settings", new { email = c }, HttpStatusCode.OK)));
        var stored = (await t.Triage.Client.GetJsonAsync("/api/v1/account/notification-settings"))["email"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains(choices, c => c.Order(StringComparer.Ordinal).SequenceEqual(stored.Order(StringComparer.Ordinal)));

        await t.Triage.Client.SendJsonAsync(HttpMethod.Put, "/api/v1/account/notification-settings", new { email = Array.Empty<string>() }, HttpStatusCode.OK);
        await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "leaked-credential", title = "Token in a gist", severity = "critical" }, HttpStatusCode.Created);
        Assert.Single(await InboxAsync(t.Triage, NotificationEvents.IncidentOpened)); // the inbox always has it
        Assert.Equal(0, await MailsAsync(t.Triage.Email, "Token in a gist"));
        Assert.Equal(1, await MailsAsync(t.Board.Email, "Token in a gist"));
    }

    [Fact]
    public async Task Inbox_IsOnlyOnesOwn_ReadMarksAreKept_AndAnotherPersonsNoticeIsNotFound()
    {
        var t = await TeamAsync();
        await t.Admin.Client.PostJsonAsync($"/api/v1/projects/{t.Slug}/incidents",
            new { kind = "leaked-credential", title = "Key in a wheel", severity = "critical" }, HttpStatusCode.Created);
        var inbox = await t.Triage.Client.GetJsonAsync("/api/v1/notifications");
        Assert.Equal(1, (int)inbox["unread"]!);
        var notice = (string)inbox["notifications"]![0]!["id"]!;
        using (var stranger = await t.Board.Client.PostAsync(new Uri($"/api/v1/notifications/{notice}/read", UriKind.Relative), null, Ct))
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(1, (int)(await t.Triage.Client.GetJsonAsync("/api/v1/notifications"))["unread"]!);
        using (var read = await t.Triage.Client.PostAsync(new Uri($"/api/v1/notifications/{notice}/read", UriKind.Relative), null, Ct))
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        var after = await t.Triage.Client.GetJsonAsync("/api/v1/notifications?unread=true");
        Assert.Equal(0, (int)after["unread"]!);
        Assert.Empty(after["notifications"]!.AsArray());
        Assert.Equal(1, (int)(await t.Board.Client.PostJsonAsync("/api/v1/notifications/read-all", new { }, HttpStatusCode.OK))["marked"]!);
        await t.Triage.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/notifications?page=0", null, HttpStatusCode.UnprocessableEntity);
    }
}
