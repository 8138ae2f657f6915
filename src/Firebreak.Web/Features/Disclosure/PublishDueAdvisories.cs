using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Background;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>How often the publication worker looks (<c>Disclosure:PollInterval</c>, default one minute) and which reminders it sends.</summary>
internal sealed class DisclosureOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before the planned disclosure the reminders go out (default 7 days and 1 day).</summary>
    public TimeSpan[] Reminders { get; set; } = [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];
}

/// <summary>
/// One pass of the publication worker. Advisories whose instant has come are already public (every public surface
/// asks the same rule); this runs what publication causes, once per advisory, each in its own save: the disclosure
/// clock stops at the instant, the incident moves on to its post-mortem, the timeline records both, the announcement
/// goes to the public lists and the reporter is told, with the link and their credit as printed. Then reminders:
/// before each planned disclosure that has no public advisory yet, and once when it passes unpublished, to the
/// project's security contacts and incident manager.
/// </summary>
internal sealed partial class PublishDueAdvisories(FirebreakDbContext db, TimeProvider time, DisclosureMail mail, ReporterNotice reporterNotice, Outbox outbox, PublicUrl urls,
    Notifications.IncidentNotices notices, CveServices.CveRecords cveRecords, IOptions<DisclosureOptions> options, ILogger<PublishDueAdvisories> logger)
{
    public const string Actor = "firebreak";
    public const string ReminderPurpose = "disclosure-reminder";

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<AdvisoryPublication>().Where(AdvisoryPublication.DueAt(now)).Select(a => a.IncidentId).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var row = await db.Set<AdvisoryPublication>().SingleAsync(a => a.IncidentId == id, ct);
            if (!row.IsDueAt(now)) continue;
            var incident = await db.Incidents.SingleAsync(i => i.Id == id, ct);
            var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
            var publicSince = row.PublishAt!.Value.AsInstant();
            var rendition = PublicAdvisories.Render(row, incident).Advisory;
            row.MarkPublished(now);
            incident.MarkAdvisoryPublished(row.AdvisoryId, publicSince, project.Policy, Actor, now, project.CveAuthority);
            var url = AdvisoryLinks.Public(BaseUrl(), project, row.AdvisoryId);
            if (await db.Set<DisclosureSettings>().FindAsync([project.Id], ct) is { } settings)
            {
                var count = await mail.QueueAnnouncementAsync(project, row, rendition, settings, url, ct);
                if (count > 0) incident.RecordAdvisory($"Public disclosure announcement queued to {count} list(s)", Actor, now);
            }
            if (await reporterNotice.QueueAsync(project, incident, rendition, url, ct))
                incident.RecordAdvisory("The reporter was told the advisory is public", Actor, now);
            await notices.PublishedAsync(project, incident, row, Actor, ct);
            // A project that is its own CNA publishes the CVE record now, at the advisory's instant (queued: it survives an outage).
            await cveRecords.PublishedAsync(project, incident, AdvisoryExporter.WithProjectCna(rendition, project), Actor, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
            {
                continue; // another server (or pass) published it meanwhile: its save holds, this one wrote nothing
            }
            published++;
            Published(logger, row.AdvisoryId, project.Slug);
        }
        db.ChangeTracker.Clear();
        await RemindAsync(now, ct);
        return published;
    }

    private async Task RemindAsync(DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.UtcDateTime + options.Value.Reminders.DefaultIfEmpty(TimeSpan.Zero).Max();
        var publicIds = db.Set<AdvisoryPublication>().Where(AdvisoryPublication.PublicAt(now)).Select(a => a.IncidentId);
        var ended = new[] { IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate };
        Guid? after = null;
        while (true)
        {
            // Open incidents only, a bounded batch at a time by id, each batch let go before the next: a pass's memory does
            // not grow with how many disclosures are near or past.
            var due = db.Incidents.Where(i => !ended.Contains(i.Stage)
                && i.ClockRecords.Any(c => c.Kind == ClockKind.Disclosure && c.StoppedAt == null && c.DueAt <= horizon) && !publicIds.Contains(i.Id));
            if (after is { } last) due = due.Where(i => i.Id.CompareTo(last) > 0);
            var candidates = await due.OrderBy(i => i.Id).Take(ReminderBatch).ToListAsync(ct);
            if (candidates.Count == 0) return;
            after = candidates[^1].Id;
            await RemindBatchAsync(candidates, now, ct);
            db.ChangeTracker.Clear();
            if (candidates.Count < ReminderBatch) return;
        }
    }

    /// <summary>How many incidents one batch of reminders reads.</summary>
    private const int ReminderBatch = 200;

    private async Task RemindBatchAsync(List<Incident> candidates, DateTimeOffset now, CancellationToken ct)
    {
        var projectIds = candidates.Select(i => i.ProjectId).Distinct().ToList();
        var projects = await db.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var incident in candidates.Where(i => !i.IsClosed))
        {
            var dueAt = incident.DisclosureDue!.Value;
            var left = dueAt - now;
            var (label, key) = left <= TimeSpan.Zero
                ? ("has passed without a public advisory", "passed")
                : options.Value.Reminders.Where(r => left <= r).OrderBy(r => r).Select(r => ($"is in {Remaining(left)}", $"{(long)r.TotalMinutes}m")).FirstOrDefault();
            if (key is null) continue;
            var project = projects[incident.ProjectId];
            var subject = $"[{project.Name}] Disclosure of #{incident.Number} {label}";
            var body = $"""
                The planned public disclosure of incident #{incident.Number} "{incident.Title}" {label}.

                Planned disclosure: {dueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}
                Advisory: not yet scheduled for publication.

                Schedule the advisory, or move the date with the reporter's agreement: {BaseUrl()}/incidents/{incident.Id}/advisory
                """;
            foreach (var to in Recipients(project))
            {
                var dedup = $"disclosure-reminder:{incident.Id}:{dueAt.UtcDateTime:yyyyMMddHHmm}:{key}:{to.ToLowerInvariant()}";
                await outbox.EnqueueAsync(new MailDraft(dedup, to, subject, body, null, ReminderPurpose, project.Id, incident.Id), ct);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // another pass queued the same reminders first; the outbox's keys keep them single
        }
    }

    private string BaseUrl() => urls.Configured ?? "";

    private static IEnumerable<string> Recipients(Project project)
    {
        var names = new List<string>(project.SecurityContacts);
        if (project.Policy.RoleHolders.TryGetValue(Role.IncidentManager, out var manager)) names.Add(manager);
        return names.Select(n => n.Trim()).Where(MailAddresses.IsPlain).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string Remaining(TimeSpan left) =>
        left.TotalDays >= 1 ? $"{(int)left.TotalDays} day(s)" : left.TotalHours >= 1 ? $"{(int)left.TotalHours} hour(s)" : $"{Math.Max(1, (int)left.TotalMinutes)} minute(s)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Published advisory {Advisory} of project {Project}")]
    private static partial void Published(ILogger logger, string advisory, string project);
}

/// <summary>Runs <see cref="PublishDueAdvisories"/> every poll interval, on the server's clock.</summary>
internal sealed class PublicationWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<DisclosureOptions> options, ILogger<PublicationWorker> logger)
    : PollingWorker(scopes, logger)
{
    protected override bool OneServerAtATime => true;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<PublishDueAdvisories>().ExecuteAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(options.Value.PollInterval, time, ct);
}
