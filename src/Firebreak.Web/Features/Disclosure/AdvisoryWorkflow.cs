using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The advisory's workflow and the disclosure window, for the API and the pages alike: each move loads the incident
/// (through the caller's visibility), applies the domain rule, records it in the timeline and saves once. A broken
/// rule is a <see cref="DomainException"/> naming the field; nothing is written then.
/// </summary>
internal sealed class AdvisoryWorkflow(FirebreakDbContext db, ProjectAccess access, CurrentUser user, TimeProvider time,
    DisclosureMail mail)
{
    public async Task<AdvisoryPublication?> FindAsync(Guid incidentId, CancellationToken ct) =>
        await db.Set<AdvisoryPublication>().SingleOrDefaultAsync(a => a.IncidentId == incidentId, ct);

    /// <summary>Saves the advisory's text (validated by the same reader as the CLI); creates the draft on first save.</summary>
    public async Task<AdvisoryPublication?> SaveAsync(Guid incidentId, string text, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        if (text.Length > AdvisoryPublication.MaxChars) throw new DomainException("The advisory is larger than 1 MiB.");
        var advisory = FirebreakAdvisoryJson.Read(text);
        var now = time.GetUtcNow();
        var row = await FindAsync(incidentId, ct);
        if (await db.Set<AdvisoryPublication>().AnyAsync(a => a.ProjectId == incident.ProjectId && a.AdvisoryId == advisory.Id && a.IncidentId != incidentId, ct))
            throw new DomainException($"id: {advisory.Id} is already the id of another incident's advisory in this project.");
        string note;
        if (row is null)
        {
            db.Add(row = AdvisoryPublication.Start(incidentId, incident.ProjectId, advisory, text, user.Name, now));
            note = $"Advisory {advisory.Id} drafted (version 1)";
        }
        else
        {
            note = row.Save(advisory, text, user.Name, now);
        }
        incident.RecordAdvisory(note, user.Name, now);
        await SaveAsync(ct);
        return row;
    }

    public Task<AdvisoryPublication?> RequestReviewAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        MoveAsync(incidentId, (row, incident, now) => row.RequestReview(publishAt ?? incident.DisclosureDue ?? now, user.Name, now), ct);

    public Task<AdvisoryPublication?> ApproveAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        MoveAsync(incidentId, (row, _, now) => row.Approve(publishAt, user.Name, now), ct);

    public Task<AdvisoryPublication?> ReturnAsync(Guid incidentId, string? reason, CancellationToken ct) =>
        MoveAsync(incidentId, (row, _, now) => row.ReturnToDraft(reason ?? "", user.Name, now), ct);

    public Task<AdvisoryPublication?> RescheduleAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        MoveAsync(incidentId, (row, _, now) => row.Reschedule(publishAt ?? throw new DomainException("publishAt: required."), user.Name, now), ct);

    public Task<AdvisoryPublication?> WithdrawAsync(Guid incidentId, string? reason, CancellationToken ct) =>
        MoveAsync(incidentId, (row, _, now) => row.Withdraw(reason ?? "", user.Name, now), ct);

    /// <summary>Queues the private notice (private contacts and repository owners), held until <paramref name="sendAt"/> if given.</summary>
    public async Task<int?> QueuePrivateNoticeAsync(Guid incidentId, DateTimeOffset? sendAt, string baseUrl, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        var row = await FindAsync(incidentId, ct) ?? throw new DomainException("The incident has no advisory yet; write it first.");
        if (row.State == AdvisoryState.Withdrawn) throw new DomainException("The advisory is withdrawn; there is nothing to notify.");
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        var settings = await db.Set<DisclosureSettings>().FindAsync([project.Id], ct);
        if (settings is null || settings.PrivateRecipients.Count + settings.RepositoryOwners.Count == 0)
            throw new DomainException("privateRecipients: the project has no private contacts or repository owners; add them in its disclosure settings.");
        var now = time.GetUtcNow();
        var at = sendAt is { } s && s > now ? s : now;
        if (incident.DisclosureDue is { } due && at >= due && !row.IsPublicAt(now))
            throw new DomainException($"sendAt: {at.UtcDateTime:u} is not before the disclosure ({due.UtcDateTime:u}); a private notice goes out ahead of it.");
        var rendition = PublicAdvisories.Render(row, incident).Advisory;
        var count = await mail.QueuePrivateNoticeAsync(project, row, rendition, settings, row.PublishAt is { } p ? Utc(p) : incident.DisclosureDue,
            AdvisoryUrl(baseUrl, project, rendition.Id), at, ct);
        incident.RecordAdvisory($"Private disclosure notice for advisory {row.AdvisoryId} (version {row.Version}) queued to {count} recipient(s), sending at {at.UtcDateTime:u}", user.Name, now);
        await SaveAsync(ct);
        return count;
    }

    /// <summary>Moves the planned disclosure, recording who agreed and why.</summary>
    public Task<Incident?> MoveDisclosureAsync(Guid incidentId, DateTimeOffset? dueAt, string? reason, IReadOnlyList<string>? agreedBy, CancellationToken ct) =>
        ChangeIncidentAsync(incidentId, (incident, _, now) => incident.MoveDisclosure(dueAt ?? throw new DomainException("dueAt: required."), reason ?? "",
            Agreement(agreedBy), user.Name, now), ct);

    /// <summary>Records active exploitation; the policy shortens the window.</summary>
    public Task<Incident?> ReportExploitationAsync(Guid incidentId, string? evidence, CancellationToken ct) =>
        ChangeIncidentAsync(incidentId, (incident, policy, now) => incident.ReportActiveExploitation(evidence ?? "", policy, user.Name, now), ct);

    public static string AdvisoryUrl(string baseUrl, Project project, string advisoryId) =>
        $"{baseUrl.TrimEnd('/')}/p/{project.Slug}/advisories/{Uri.EscapeDataString(advisoryId)}";

    private async Task<AdvisoryPublication?> MoveAsync(Guid incidentId, Func<AdvisoryPublication, Incident, DateTimeOffset, string> move, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        var row = await FindAsync(incidentId, ct) ?? throw new DomainException("The incident has no advisory yet; write it first.");
        var now = time.GetUtcNow();
        incident.RecordAdvisory(move(row, incident, now), user.Name, now);
        await SaveAsync(ct);
        return row;
    }

    private async Task<Incident?> ChangeIncidentAsync(Guid incidentId, Action<Incident, SecurityPolicy, DateTimeOffset> change, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        var policy = await db.Projects.Where(p => p.Id == incident.ProjectId).Select(p => p.Policy).SingleAsync(ct);
        change(incident, policy, time.GetUtcNow());
        await SaveAsync(ct);
        return incident;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new DomainException("id: another advisory in this project has this id.");
        }
    }

    private static DisclosureAgreement Agreement(IReadOnlyList<string>? parties)
    {
        var agreed = DisclosureAgreement.None;
        foreach (var party in parties ?? [])
        {
            agreed |= WireNames.Parse<DisclosureAgreement>(party, "agreedBy");
        }
        return agreed;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
