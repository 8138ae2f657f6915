using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// Assembles a post-mortem's timeline: the incident's own timeline and the audit records about it (exports, downloads;
/// not the page reads, which would drown everything), merged in time order with the maintainers' curation applied.
/// Entries about the post-mortem itself are left out: the document does not describe its own writing.
/// </summary>
internal sealed class PostMortemTimeline(FirebreakDbContext db)
{
    private static readonly string[] Noise = ["incident-read", AuditRecords.IncidentArchive];

    public async Task<IReadOnlyList<PostMortemEvent>> AssembleAsync(Guid incidentId, PostMortemContent content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entries = await db.Timeline.Where(t => t.IncidentId == incidentId && t.Kind != TimelineKind.PostMortem && t.Kind != TimelineKind.ActionItem)
            .OrderBy(t => t.Sequence).ToListAsync(ct);
        var subject = $"incident {incidentId}";
        var audit = await db.Set<AuditRecord>().Where(a => a.Subject == subject && !Noise.Contains(a.Action)).OrderBy(a => a.Sequence).ToListAsync(ct);
        var events = new List<PostMortemEvent>(entries.Count + audit.Count + content.OutsideEvents.Length);
        events.AddRange(entries.Select(e => Curated($"timeline-{e.Sequence}", e.At, e.Actor, "timeline", e.Kind.ToWire(), e.Text, content)));
        events.AddRange(audit.Select(a => Curated($"audit-{a.Sequence}", DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.Actor, "audit", a.Action, a.Detail, content)));
        events.AddRange(content.OutsideEvents.Select((e, n) => new PostMortemEvent($"outside-{n + 1}", e.At, "", "outside", "outside", e.Text, null, false)));
        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    private static PostMortemEvent Curated(string key, DateTime at, string actor, string source, string kind, string text, PostMortemContent content) =>
        new(key, DateTime.SpecifyKind(at, DateTimeKind.Utc), actor, source, kind, text,
            content.Annotations.TryGetValue(key, out var note) ? note : null, content.HiddenEvents.Contains(key));
}
