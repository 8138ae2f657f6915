using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Data;
using Firebreak.Web.Features.PostMortems;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;

namespace Firebreak.Web.Features.Incidents.Closing;

/// <summary>
/// Closes an incident in one transaction. A worked incident's unfinished items each need a decision: a pending step done
/// or skipped with a reason, the post-mortem waived with a reason (unless signed off), an open action item done or deferred
/// with a reason. Every decision missing is reported at once, keyed by item (<c>steps.{id}</c>, <c>postMortem</c>,
/// <c>actionItems.{id}</c>), and nothing is written. Otherwise the decisions go on the timeline, the stage becomes closed
/// and the clocks stop, all in one save. Rejected and duplicate close directly. An incident closed meanwhile (or changed
/// since the <c>version</c> the closer read) is refused as changed meanwhile; two closers at once: the loser's save is
/// rerun by <c>LostRaceRetry</c>, finds the incident closed and gets that 409.
/// </summary>
internal sealed class CloseIncident(FirebreakDbContext db, FollowUpsAtClose followUps, PlaybookLibrary library, CurrentUser user, TimeProvider time)
{
    private const int MaxErrors = 100;

    /// <summary>The decisions missing or malformed, by item; empty when the incident was closed.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ExecuteAsync(Incident incident, CloseIncidentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        if (incident.IsClosed)
            throw DomainException.ChangedMeanwhile($"Incident #{incident.Number} is {incident.Stage.ToWire()} already" +
                (incident.ClosedAt is { } at ? $" (since {at:u})" : "") + "; reopen it first if it needs more work.");
        if (request.Version is { } read && read != incident.Version)
            throw DomainException.ChangedMeanwhile($"version: incident #{incident.Number} changed after you read it (you read version {read}; it is at version {incident.Version}). Read what is unfinished again and decide.");
        var resolution = request.Resolution is null ? IncidentStage.Closed : WireNames.Parse<IncidentStage>(request.Resolution, "resolution");
        var now = time.GetUtcNow();
        var project = await db.Projects.FindAsync([incident.ProjectId], ct) ?? throw new InvalidOperationException($"Incident {incident.Id} has no project.");
        switch (resolution)
        {
            case IncidentStage.Rejected:
                incident.MoveTo(IncidentStage.Rejected, user.Name, now, Incident.CheckClosingReason(request.Reason, "reason"), policy: project.Policy);
                break;
            case IncidentStage.Duplicate:
                if (request.DuplicateOf is not { } original) throw new DomainException("duplicateOf: name the incident this one duplicates.");
                var other = await db.Incidents.FindAsync([original], ct);
                if (other is null || other.ProjectId != incident.ProjectId) throw new DomainException($"duplicateOf: {original} is not an incident of this project.");
                incident.MoveTo(IncidentStage.Duplicate, user.Name, now, request.Reason, original, project.Policy);
                break;
            case IncidentStage.Closed:
                var list = await ClosingChecklist.ForAsync(incident, library, followUps, ct);
                if (!string.IsNullOrWhiteSpace(request.SkipRemaining))
                {
                    if (ReasonProblem(request.SkipRemaining, "Skipping every remaining step", "skipping") is { } bad)
                        return new Dictionary<string, string[]> { ["skipRemaining"] = [bad] };
                    request = request with { Steps = WithRemainingSkipped(list, request.Steps, request.SkipRemaining.Trim()) };
                }
                var errors = Check(list, request);
                if (errors.Count > 0) return errors;
                Apply(incident, list, request, now);
                break;
            default:
                throw new DomainException($"resolution: '{request.Resolution}' is not a way to close; expected closed, rejected or duplicate.");
        }
        await db.SaveChangesAsync(ct);
        return new Dictionary<string, string[]>();
    }

    private static Dictionary<string, string[]> Check(ClosingChecklist list, CloseIncidentRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var steps = request.Steps ?? new Dictionary<string, ClosingDecision?>();
        foreach (var step in list.Steps)
        {
            var decision = steps.GetValueOrDefault(step.Id);
            var outcome = decision?.Outcome?.Trim().ToLowerInvariant();
            var name = $"Step '{step.Title}' ({step.Id})";
            string? problem = outcome switch
            {
                null or "" => $"{name}: mark it done, or skipped with a reason.",
                "done" when step.IsDecision => $"{name} is a decision: answer it on the incident page, or skip it with a reason.",
                "done" => null,
                "skipped" => ReasonProblem(decision!.Reason, name, "skipping"),
                _ => $"{name}: '{Clip(outcome)}' is not an outcome; expected done or skipped.",
            };
            if (problem is not null) errors[$"steps.{step.Id}"] = [problem];
        }
        foreach (var unknown in steps.Keys.Where(k => list.Steps.All(s => s.Id != k)).Take(10))
            errors[$"steps.{Clip(unknown)}"] = [$"Step '{Clip(unknown)}' is not a pending step of this incident's playbook."];

        if (list.PostMortemUnfinished)
        {
            var outcome = request.PostMortem?.Outcome?.Trim().ToLowerInvariant();
            string? problem = outcome switch
            {
                null or "" => "The post-mortem is not signed off: have the board sign it off first, or waive it with a reason.",
                "waived" => ReasonProblem(request.PostMortem!.Reason, "The post-mortem", "waiving"),
                "done" => "The post-mortem is not signed off yet: the board signs it off on its page, or waive it with a reason.",
                _ => $"The post-mortem: '{Clip(outcome)}' is not an outcome; expected waived.",
            };
            if (problem is not null) errors["postMortem"] = [problem];
        }

        var items = request.ActionItems ?? new Dictionary<string, ClosingDecision?>();
        foreach (var follow in list.ActionItems)
        {
            var key = follow.Item.Id.ToString();
            var decision = items.FirstOrDefault(p => Guid.TryParse(p.Key, out var g) && g == follow.Item.Id).Value;
            var outcome = decision?.Outcome?.Trim().ToLowerInvariant();
            var name = $"Action item '{follow.Item.Title}' ({key})";
            string? problem = outcome switch
            {
                null or "" => $"{name}: mark it done, or deferred with a reason.",
                "done" => decision!.Reason is { Length: > Incident.MaxClosingReasonLength } ? $"{name}: the note is longer than 2,000 characters." : null,
                "deferred" => ReasonProblem(decision!.Reason, name, "deferring"),
                _ => $"{name}: '{Clip(outcome)}' is not an outcome; expected done or deferred.",
            };
            if (problem is not null) errors[$"actionItems.{key}"] = [problem];
        }
        foreach (var unknown in items.Keys.Where(k => !(Guid.TryParse(k, out var g) && list.ActionItems.Any(a => a.Item.Id == g))).Take(10))
            errors[$"actionItems.{Clip(unknown)}"] = [$"'{Clip(unknown)}' is not an open action item of this incident."];
        return errors.Count <= MaxErrors ? errors : errors.Take(MaxErrors).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private void Apply(Incident incident, ClosingChecklist list, CloseIncidentRequest request, DateTimeOffset now)
    {
        var actor = user.Name;
        foreach (var step in list.Steps)
        {
            var decision = request.Steps![step.Id]!;
            if (decision.Outcome!.Trim().Equals("done", StringComparison.OrdinalIgnoreCase))
                incident.CompleteStep(library.Catalog, step.Id, new Dictionary<string, string>(), actor, now);
            else incident.SkipStep(library.Catalog, step.Id, decision.Reason!, actor, now);
        }
        if (list.PostMortemUnfinished) incident.WaivePostMortem(request.PostMortem!.Reason, actor, now);
        foreach (var follow in list.ActionItems)
        {
            var decision = request.ActionItems!.First(p => Guid.TryParse(p.Key, out var g) && g == follow.Item.Id).Value!;
            var done = decision.Outcome!.Trim().Equals("done", StringComparison.OrdinalIgnoreCase);
            FollowUpsAtClose.Settle(incident, follow.Item, done, string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason, actor, now);
        }
        incident.Close(actor, now, request.Note);
    }

    /// <summary>The steps' decisions with every pending step the closer left without an outcome skipped for <paramref name="reason"/>.</summary>
    private static Dictionary<string, ClosingDecision?> WithRemainingSkipped(ClosingChecklist list, IReadOnlyDictionary<string, ClosingDecision?>? steps, string reason)
    {
        var all = new Dictionary<string, ClosingDecision?>(steps ?? new Dictionary<string, ClosingDecision?>(), StringComparer.Ordinal);
        foreach (var step in list.Steps)
        {
            if (all.GetValueOrDefault(step.Id) is not { Outcome: { } outcome } || string.IsNullOrWhiteSpace(outcome)) all[step.Id] = new ClosingDecision("skipped", reason);
        }
        return all;
    }

    private static string? ReasonProblem(string? reason, string name, string doing)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0) return $"{name}: {doing} needs a reason.";
        return why.Length > Incident.MaxClosingReasonLength ? $"{name}: the reason is longer than 2,000 characters." : null;
    }

    private static string Clip(string text) => Excerpt.Clip(text, 60);
}
