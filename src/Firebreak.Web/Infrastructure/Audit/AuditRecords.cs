using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>How events become audit records, in one place, so the verifier can check them against their source.</summary>
internal static class AuditRecords
{
    public const string Timeline = "timeline";

    public static AuditRecord ForTimeline(TimelineEntry entry) =>
        new(new DateTimeOffset(entry.At, TimeSpan.Zero), entry.Actor, Timeline, entry.Id.ToString(), TimelineDetail(entry));

    /// <summary>What the record says of a timeline entry; the verifier recomputes it from the timeline table.</summary>
    public static string TimelineDetail(TimelineEntry entry) =>
        $"incident {entry.IncidentId} #{entry.Sequence} {entry.Kind.ToWire()}: {entry.Text}";
}
