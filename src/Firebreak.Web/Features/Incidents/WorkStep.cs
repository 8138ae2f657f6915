using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;

namespace Firebreak.Web.Features.Incidents;

/// <summary>Completes, skips, reopens or decides a step of an incident's active playbook, in one transaction.</summary>
internal sealed class WorkStep(FirebreakDbContext db, CurrentUser user, TimeProvider time, PlaybookLibrary library)
{
    public async Task<StepTransition> ExecuteAsync(Incident incident, string stepId, StepAction action, StepRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var evidence = request.Evidence ?? new Dictionary<string, string>();
        var catalog = library.Catalog;
        var transition = action switch
        {
            StepAction.Complete => incident.CompleteStep(catalog, stepId, evidence, user.Name, now),
            StepAction.Skip => incident.SkipStep(catalog, stepId, request.Reason ?? "", user.Name, now),
            StepAction.Reopen => incident.ReopenStep(catalog, stepId, user.Name, now),
            StepAction.Decide => incident.DecideStep(catalog, stepId, request.Option ?? "", evidence, user.Name, now),
        };
        await db.SaveChangesAsync(ct);
        return transition;
    }
}
