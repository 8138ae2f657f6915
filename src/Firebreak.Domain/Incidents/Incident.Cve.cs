using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>The CVE id recorded on the incident (the first CVE among its identifiers), or null.</summary>
    public string? CveIdRecorded => Details.Identifiers.IsDefaultOrEmpty ? null : Details.Identifiers.FirstOrDefault(i => i.StartsWith("CVE-", StringComparison.Ordinal));

    /// <summary>
    /// Triage found the report valid. In a project with a CVE authority the CVE assignment clock starts now (the CNA
    /// rules count from the confirmed report); if an id is already recorded it stops at once, met.
    /// </summary>
    public void ConfirmValid(CveAuthority authority, SecurityPolicy policy, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (authority == CveAuthority.None) return;
        StartCveClock(ClockKind.CveAssignment, policy.CveAssignment, now, "report confirmed valid", actor, now);
        if (CveIdRecorded is { } cve) StopClock(ClockKind.CveAssignment, $"{cve} already recorded", actor, now);
    }

    /// <summary>Records a CVE id (reserved from the project's CNA, or given by hand) among the incident's identifiers, stopping the assignment clock.</summary>
    public void RecordCveId(string cveId, string actor, DateTimeOffset now)
    {
        if (!CveId.TryParse(cveId, out var parsed)) throw new DomainException($"cveId: '{cveId}' is not a CVE id (CVE-YYYY-NNNN).");
        if (CveIdRecorded is { } existing)
        {
            if (existing == parsed.Value) return;
            throw new DomainException($"cveId: incident #{Number} already has {existing}; remove it from the details first.");
        }
        UpdateDetails(new IncidentDetails(Details.CvssV3, Details.CvssV4, Details.Cwes, Details.AffectedVersions, Details.PatchedVersions,
            [.. Details.Identifiers, parsed.Value]), actor, now);
    }

    /// <summary>CVE Services accepted the record of <paramref name="cveId"/> at <paramref name="at"/>: the record clock stops there.</summary>
    public void RecordCveRecordPublished(string cveId, DateTimeOffset at, string actor, DateTimeOffset now)
    {
        Record(now, actor, TimelineKind.Cve, $"CVE record {cveId} published through CVE Services");
        StopClock(ClockKind.CveRecordPublication, $"CVE record {cveId} published", actor, at);
    }

    /// <summary>
    /// The project's CVE authority changed to <paramref name="authority"/>: a running CNA clock that no longer applies is
    /// withdrawn (removed, so the metrics do not count a deadline nobody owed, and said on the timeline). Without an
    /// authority neither clock applies; with GitHub as CNA the record is GitHub's to publish, so only the record clock goes.
    /// A stopped clock is history and stays.
    /// </summary>
    public bool WithdrawCveClocks(CveAuthority authority, string actor, DateTimeOffset now)
    {
        var withdrawn = false;
        foreach (var kind in new[] { ClockKind.CveAssignment, ClockKind.CveRecordPublication })
        {
            var applies = kind == ClockKind.CveAssignment ? authority != CveAuthority.None : authority == CveAuthority.OwnCna;
            if (applies || _clocks.FirstOrDefault(c => c.Kind == kind) is not { StoppedAt: null } record) continue;
            _clocks.Remove(record);
            Record(now, actor, TimelineKind.ClockChanged, $"{kind.ToWire()} clock withdrawn: the project's CVE authority is now {authority.ToWire()}");
            withdrawn = true;
        }
        return withdrawn;
    }

    /// <summary>Writes a CVE Services event (an update, a failed call) to the timeline, so it shows on the incident and is audited with it.</summary>
    public void RecordCveEvent(string text, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A timeline entry needs a text.", nameof(text));
        Record(now, actor, TimelineKind.Cve, text.Trim());
    }

    private void StartCveClock(ClockKind kind, TimeSpan window, DateTimeOffset startedAt, string because, string actor, DateTimeOffset now)
    {
        if (Clock(kind) is not null) return;
        var due = startedAt + window;
        _clocks.Add(new ClockRecord(kind, startedAt, due));
        Record(now, actor, TimelineKind.ClockChanged, $"{kind.ToWire()} clock started ({because}; {DurationText.Format(window)}), due {due.UtcDateTime:u}");
    }
}
