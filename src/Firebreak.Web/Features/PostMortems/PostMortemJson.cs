using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// Body of <c>PUT /api/v1/incidents/{id}/postmortem</c>: the version it was made from (0 for the first save), every
/// section's Markdown by wire name (an absent section is cleared: the body is the whole document), the regression test
/// link, and the curation of the assembled timeline.
/// </summary>
internal sealed record PostMortemRequest(int? Version, Dictionary<string, string?>? Sections, string? RegressionTestUrl, CurationJson? Curation)
{
    public PostMortemContent ToContent() => PostMortemContent.Create(Sections, RegressionTestUrl, Curation?.Hidden, Curation?.Annotations,
        Curation?.OutsideEvents?.Select((e, n) => e is null
            ? throw new DomainException($"curation.outsideEvents[{n}]: an event, not null.")
            : (e.At, e.Text)));
}

/// <summary>How the maintainers curated the assembled timeline: events hidden, notes on events, events from outside.</summary>
internal sealed record CurationJson(IReadOnlyList<string?>? Hidden, Dictionary<string, string?>? Annotations, IReadOnlyList<OutsideEventJson?>? OutsideEvents);

/// <summary>An event from outside the system: when, and what.</summary>
internal sealed record OutsideEventJson(DateTimeOffset? At, string? Text);

/// <summary>Body of <c>POST /api/v1/incidents/{id}/postmortem/signoff</c>: the version the signer read.</summary>
internal sealed record SignOffRequest(int? Version);

/// <summary>One event of the assembled timeline as the API shows it.</summary>
internal sealed record PostMortemEventJson(string Key, DateTime At, string Actor, string Source, string Kind, string Text, string? Annotation, bool Hidden)
{
    public static PostMortemEventJson From(PostMortemEvent e) => new(e.Key, e.At, e.Actor, e.Source, e.Kind, e.Text, e.Annotation, e.Hidden);
}

/// <summary>The post-mortem clock as the API shows it: due instant, state, stopped when signed off.</summary>
internal sealed record PostMortemClockJson(DateTime StartedAt, DateTime DueAt, DateTime? StoppedAt, string State)
{
    public static PostMortemClockJson? From(Incident incident, DateTimeOffset now) => incident.Clock(ClockKind.PostMortem) is { } c
        ? new(c.StartedAt.UtcDateTime, c.DueAt.UtcDateTime, c.StoppedAt?.UtcDateTime, c.StateAt(now).ToWire())
        : null;
}

/// <summary>
/// A post-mortem as <c>GET /api/v1/incidents/{id}/postmortem</c> shows it: every section (empty when not written), the
/// curation, the assembled timeline with the curation applied (hidden events marked, not removed), the clock, the
/// action items, and the sign-off.
/// </summary>
internal sealed record PostMortemJson(Guid Incident, int Number, string Title, string Severity, int Version, DateTime? UpdatedAt, string? UpdatedBy,
    DateTime? SignedOffAt, string? SignedOffBy, IReadOnlyDictionary<string, string> Sections, string? RegressionTestUrl, CurationJson Curation,
    IReadOnlyList<PostMortemEventJson> Timeline, PostMortemClockJson? Clock, IReadOnlyList<ActionItemJson> ActionItems)
{
    public static PostMortemJson From(Incident incident, PostMortem postMortem, IReadOnlyList<PostMortemEvent> timeline,
        IReadOnlyList<ActionItemJson> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(postMortem);
        var c = postMortem.Content;
        var written = postMortem.Version > 0;
        return new(incident.Id, incident.Number, incident.Title, incident.Severity.ToWire(), postMortem.Version,
            written ? postMortem.UpdatedAt : null, written ? postMortem.UpdatedBy : null, postMortem.SignedOffAt, postMortem.SignedOffBy,
            Enum.GetValues<PostMortemSection>().ToDictionary(s => s.ToWire(), s => c[s]), c.RegressionTestUrl,
            new CurationJson([.. c.HiddenEvents], c.Annotations.ToDictionary(a => a.Key, a => (string?)a.Value),
                [.. c.OutsideEvents.Select(e => new OutsideEventJson(e.At.AsInstant(), e.Text))]),
            [.. timeline.Select(PostMortemEventJson.From)], PostMortemClockJson.From(incident, now), items);
    }
}
