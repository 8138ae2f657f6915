using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// Opens an incident in a project: applies the severity rule, starts the clocks, and starts the
/// playbook for its kind (or the one asked for).
/// </summary>
internal sealed class OpenIncident(FirebreakDbContext db, CurrentUser user, TimeProvider time, PlaybookLibrary playbooks)
{
    public async Task<Incident> ExecuteAsync(Project project, OpenIncidentRequest request, CancellationToken ct)
    {
        var kind = WireNames.Parse<IncidentKind>(request.Kind, "incident kind");
        var severity = WireNames.Parse<Severity>(request.Severity, "severity");
        var reporter = request.Reporter is { } r
            ? new Reporter(r.Contact, WireNames.Parse<CreditPreference>(r.Credit ?? "anonymous", "credit preference"), r.CreditName, r.Consent)
            : null;
        var details = request.Details?.ToDetails();
        var userSafety = string.IsNullOrWhiteSpace(request.UserSafetyClass) ? null : request.UserSafetyClass;
        var playbook = request.Playbook is { Length: > 0 } id
            ? playbooks.Catalog.Find(id) ?? throw new DomainException($"There is no playbook '{id}'.")
            : playbooks.Catalog.DefaultFor(kind, userSafety is not null);

        return await db.AddNumberedAsync(project.Id, number =>
        {
            var now = time.GetUtcNow();
            var incident = Incident.Open(project.Id, number, kind, request.Title ?? "", request.Summary, severity,
                userSafety, reporter, project.Policy, user.Name, now);
            if (details is not null) incident.UpdateDetails(details, user.Name, now);
            if (playbook is not null) incident.StartPlaybook(playbook, user.Name, now);
            return incident;
        }, alsoAdd: null, ct);
    }
}
