using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>Body of <c>POST /api/v1/incidents/{id}/verdict</c>: the verdict, the original for a duplicate (its number), and an optional reply instead of the canned one.</summary>
internal sealed record VerdictRequest(string? Verdict, int? DuplicateOf, string? Reply);

/// <summary>
/// Records a triage verdict: the stage it implies (valid → assessment; duplicate → linked to the
/// original; informative and out of scope → rejected; spam → rejected silently), and the canned
/// reply shared with the reporter — except for spam, which is never answered and never deleted.
/// </summary>
internal sealed class JudgeReport(FirebreakDbContext db, PostMessage post, TimeProvider time)
{
    public async Task ExecuteAsync(Incident incident, VerdictRequest request, string actor, CancellationToken ct)
    {
        var verdict = WireNames.Parse<TriageVerdict>(request.Verdict, "verdict");
        var now = time.GetUtcNow();
        string reply;
        switch (verdict)
        {
            case TriageVerdict.Valid:
                incident.MoveTo(IncidentStage.Assessment, actor, now, "triage verdict: valid");
                // The CNA rules count the CVE assignment from here: a confirmed report.
                if (await db.Projects.FindAsync([incident.ProjectId], ct) is { } project)
                    incident.ConfirmValid(project.CveAuthority, project.Policy, actor, now);
                reply = "We confirmed the report is a vulnerability and are assessing it now. We will keep you informed here.";
                break;
            case TriageVerdict.Duplicate:
                var number = request.DuplicateOf ?? throw new DomainException("A duplicate verdict needs the number of the original incident.");
                var original = await db.Incidents.Where(i => i.ProjectId == incident.ProjectId && i.Number == number).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException($"This project has no incident #{number}.");
                incident.MoveTo(IncidentStage.Duplicate, actor, now, $"triage verdict: duplicate of #{number}", original);
                reply = "Thank you. This issue was already reported to us and is being handled; we have linked your report to it.";
                break;
            case TriageVerdict.Informative:
                incident.MoveTo(IncidentStage.Rejected, actor, now, "triage verdict: not a vulnerability (informative)");
                reply = "Thank you for the report. After review we do not consider this a security vulnerability, so we are closing it as informative.";
                break;
            case TriageVerdict.OutOfScope:
                incident.MoveTo(IncidentStage.Rejected, actor, now, "triage verdict: out of scope");
                reply = "Thank you for the report. It concerns something outside this project's security scope, so we are closing it here.";
                break;
            case TriageVerdict.Spam:
                incident.MoveTo(IncidentStage.Rejected, actor, now, "triage verdict: spam (kept, not answered)");
                await db.SaveChangesAsync(ct);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), verdict, "Unknown verdict.");
        }
        if (!string.IsNullOrWhiteSpace(request.Reply)) reply = request.Reply;
        await post.FromMaintainerAsync(incident, actor, reply, shared: true, ct);
    }
}
