using System.Text.Json;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Integrations;

/// <summary>What the endpoint answers: the delivery's outcome, or that it was seen before.</summary>
internal sealed record DeliveryAnswer(string Delivery, string Outcome, string Verdict, Guid? IncidentId, bool Duplicate);

/// <summary>
/// One signed GitHub delivery, in one unit of work: a delivery id seen before for the project changes nothing (the
/// unique key on project, source and id makes this hold for deliveries racing each other, on one server or several:
/// the loser's rerun finds the winner's row); otherwise the event is read, acted on, and recorded with its verdict.
/// The signature was checked before this runs.
/// </summary>
internal sealed class ReceiveGitHubDelivery(FirebreakDbContext db, UnitOfWork unitOfWork, TimeProvider time, DependabotAlerts dependabot,
    SecretScanningAlerts secrets, RepositoryAdvisories repositoryAdvisories, SecurityAdvisories securityAdvisories, Releases releases)
{
    public Task<DeliveryAnswer> ExecuteAsync(Project project, string deliveryId, string @event, byte[] body, CancellationToken ct) =>
        unitOfWork.RunAsync(async c =>
        {
            var seen = await db.Set<HookDelivery>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.ProjectId == project.Id && d.Source == HookSource.GitHub && d.DeliveryId == deliveryId, c);
            if (seen is not null) return new DeliveryAnswer(deliveryId, seen.Outcome.ToString().ToLowerInvariant(), "Delivered before; nothing changed.", seen.IncidentId, true);
            var delivery = new HookDelivery(project.Id, HookSource.GitHub, deliveryId, @event, GitHubPayload.ActionOf(body) ?? "", time.GetUtcNow());
            db.Add(delivery);
            HookVerdict verdict;
            try
            {
                verdict = await ActAsync(project, @event, body, c);
            }
            catch (Exception e) when (e is JsonException or Domain.Common.DomainException)
            {
                // Nothing half-done is kept: only the delivery's record, saying why.
                db.ChangeTracker.Clear();
                db.Add(delivery);
                verdict = new HookVerdict(HookOutcome.Malformed, $"Not a {GitHubText.Cut(@event, 40)} payload Firebreak can act on: {GitHubText.Cut(e.Message, 300)}");
            }
            delivery.Judge(verdict.Outcome, verdict.Verdict, verdict.IncidentId);
            return new DeliveryAnswer(deliveryId, verdict.Outcome.ToString().ToLowerInvariant(), verdict.Verdict, verdict.IncidentId, false);
        }, ct);

    private async Task<HookVerdict> ActAsync(Project project, string @event, byte[] body, CancellationToken ct) => @event switch
    {
        "ping" => new HookVerdict(HookOutcome.Ping, "GitHub's ping: the hook is set up and its signature checks."),
        "dependabot_alert" => await dependabot.HandleAsync(project, body, ct),
        "secret_scanning_alert" => await secrets.HandleAsync(project, body, ct),
        "repository_advisory" => await repositoryAdvisories.HandleAsync(project, body, ct),
        "security_advisory" => await securityAdvisories.HandleAsync(project, body, ct),
        "release" or "create" => await releases.HandleAsync(project, await db.Set<ProjectIntegration>().FindAsync([project.Id], ct), @event, body, ct),
        _ => HookVerdict.Ignored($"The '{GitHubText.Cut(@event, 60)}' event is accepted and recorded; Firebreak does not act on it."),
    };
}
