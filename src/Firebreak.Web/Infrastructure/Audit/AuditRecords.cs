using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>How events become audit records, in one place, so the verifier can check them against their source.</summary>
internal static class AuditRecords
{
    public const string Timeline = "timeline";

    /// <summary>A download of an incident's archive: about the record, not the incident, so the post-mortem and the archive leave it out.</summary>
    public const string IncidentArchive = "incident-archive";

    public static AuditRecord ForTimeline(TimelineEntry entry) =>
        new(new DateTimeOffset(entry.At, TimeSpan.Zero), entry.Actor, Timeline, entry.Id.ToString(), TimelineDetail(entry), TimelineDigest(entry));

    /// <summary>
    /// The SHA-256 of every column of a timeline entry in the canonical encoding; its record keeps
    /// it, so the record's hash covers the entry's actor, instant and place as well as its text.
    /// </summary>
    public static string TimelineDigest(TimelineEntry entry) =>
        CanonicalEncoding.Of("firebreak-timeline-entry/1").Add(entry.Id).Add(entry.IncidentId).Add(entry.Sequence).Add(entry.At)
            .Add(entry.Actor).Add(entry.Kind.ToWire()).Add(entry.Text).Sha256();

    /// <summary>What the record says of a timeline entry; the verifier recomputes it from the timeline table.</summary>
    public static string TimelineDetail(TimelineEntry entry) =>
        $"incident {entry.IncidentId} #{entry.Sequence} {entry.Kind.ToWire()}: {entry.Text}";
}
