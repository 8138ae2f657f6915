using System.Text.Json;
using System.Text.Json.Serialization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// The generic trigger's body (docs/integrations.md): what happened, a title, the severity, an optional Markdown summary,
/// and an optional dedupe key: deliveries with the same key (compared without regard to case) come to one incident.
/// </summary>
internal sealed record GenericTriggerBody(string? Kind, string? Title, string? Severity, string? Summary, string? DedupeKey)
{
    public const int MaxKey = 90;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
    };

    /// <summary>Reads the body; throws <see cref="JsonException"/> (path, line, position) or <see cref="DomainException"/> naming the field.</summary>
    public static GenericTriggerBody Read(byte[] body)
    {
        var read = JsonSerializer.Deserialize<GenericTriggerBody>(body, Options) ?? throw new DomainException("The body is null; send a JSON object.");
        if (read.DedupeKey is { } key && (key.Trim().Length is 0 or > MaxKey || key.Any(char.IsControl)))
            throw new DomainException($"dedupeKey: 1 to {MaxKey} characters without control characters.");
        return read;
    }

    public IncidentOpening Opening()
    {
        var kind = WireNames.Parse<IncidentKind>(Kind, "kind");
        var severity = WireNames.Parse<Severity>(Severity, "severity");
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainException("title: required.");
        return new IncidentOpening(kind, Title, Summary, severity, IncidentSource.Webhook, GenericTrigger.Actor)
        {
            Aliases = DedupeKey is { } key ? [Alias(key)] : [],
        };
    }

    /// <summary>The incident alias of a key: prefixed, so no key can pass for a CVE or GHSA id.</summary>
    public static string Alias(string key) => "KEY:" + key.Trim();
}

/// <summary>
/// One signed generic delivery, in one unit of work: opens the incident through <see cref="OpenIncident"/>, or finds the
/// one its dedupe key already opened (and writes the delivery on its timeline); recorded either way. A delivery id (the
/// optional <c>X-Firebreak-Delivery</c> header) seen before changes nothing, as GitHub's does.
/// </summary>
internal sealed class GenericTrigger(FirebreakDbContext db, UnitOfWork unitOfWork, TimeProvider time, IncidentNews news, OpenIncident open)
{
    public const string Actor = "generic trigger";

    public Task<DeliveryAnswer> ExecuteAsync(Project project, string? deliveryId, byte[] body, CancellationToken ct)
    {
        var request = GenericTriggerBody.Read(body);
        var opening = request.Opening();
        open.Check(project, opening); // a refused body answers 422 and writes nothing
        return unitOfWork.RunAsync(async c =>
        {
            var id = deliveryId ?? Guid.CreateVersion7(time.GetUtcNow()).ToString();
            var seen = await db.Set<HookDelivery>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.ProjectId == project.Id && d.Source == HookSource.Generic && d.DeliveryId == id, c);
            if (seen is not null) return new DeliveryAnswer(id, seen.Outcome.ToString().ToLowerInvariant(), "Delivered before; nothing changed.", seen.IncidentId, true);
            var delivery = new HookDelivery(project.Id, HookSource.Generic, id, "generic", opening.Kind.ToWire(), time.GetUtcNow());
            db.Add(delivery);
            var (verdict, _) = await news.OpenOrJoinAsync(project, opening,
                $"Generic trigger again for key {GitHubText.Code(request.DedupeKey)}: {GitHubText.Cut(opening.Title, 200)}", c);
            delivery.Judge(verdict.Outcome, verdict.Verdict, verdict.IncidentId);
            return new DeliveryAnswer(id, verdict.Outcome.ToString().ToLowerInvariant(), verdict.Verdict, verdict.IncidentId, false);
        }, ct);
    }
}
