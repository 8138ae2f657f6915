using System.Globalization;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    private readonly List<FixRelease> _releases = [];

    /// <summary>The releases that carry the fix, in the order they were recorded.</summary>
    public IReadOnlyList<FixRelease> Releases => _releases;

    /// <summary>When the fix first shipped: the earliest release, or null before any.</summary>
    public DateTimeOffset? FixedAt => _releases.Count == 0 ? null : _releases.Min(r => r.ReleasedAt).AsInstant();

    /// <summary>Every version released with the fix, in the order recorded.</summary>
    public IReadOnlyList<string> ReleasedVersions => [.. _releases.SelectMany(r => r.Versions).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Records a fix release. The fix clock, if it still runs, stops at the release's instant (met or breached against
    /// its due instant), not at the moment of recording; a version already recorded in another release is refused.
    /// </summary>
    public void RecordRelease(FixRelease release, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (IsClosed) throw new DomainException($"Incident #{Number} is {Stage.ToWire()}; no release can be recorded on it.");
        var known = ReleasedVersions;
        var repeated = release.Versions.FirstOrDefault(v => known.Contains(v, StringComparer.Ordinal));
        if (repeated is not null) throw new DomainException($"versions: {repeated} is already recorded in a release of incident #{Number}.");
        _releases.Add(release);
        var at = release.ReleasedAt.AsInstant();
        var text = $"Fix released: {string.Join(", ", release.Versions)} at {at.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} ({release.Url})";
        if (release.ProvenanceUrl is { } provenance) text += $"; provenance {provenance}";
        Record(now, actor, TimelineKind.Release, text);
        var clock = _clocks.FirstOrDefault(c => c.Kind == ClockKind.Fix);
        if (clock is { StoppedAt: null })
        {
            clock.StoppedAt = release.ReleasedAt;
            var state = clock.ToClock().StateAt(at) == ClockState.Met ? "met" : "breached";
            Record(now, actor, TimelineKind.ClockStopped, $"{ClockKind.Fix.ToWire()} clock stopped: fix released at {at.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} ({state})");
        }
    }
}
