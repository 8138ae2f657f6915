using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>True once someone recorded that the vulnerability is exploited in the wild.</summary>
    public bool ActivelyExploited { get; private set; }

    /// <summary>When active exploitation was recorded (UTC).</summary>
    public DateTime? ExploitedAt { get; private set; }

    /// <summary>The planned public disclosure instant, while the disclosure clock runs or after it stopped.</summary>
    public DateTimeOffset? DisclosureDue => Clock(ClockKind.Disclosure)?.DueAt;

    /// <summary>
    /// Moves the planned disclosure (an extension or a shortening negotiated with the reporter), recording the
    /// old and new instants, the reason and who agreed. The new instant must lie ahead of <paramref name="now"/>.
    /// </summary>
    public void MoveDisclosure(DateTimeOffset dueAt, string reason, DisclosureAgreement agreedBy, string actor, DateTimeOffset now)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException("reason: moving the disclosure date needs a reason.");
        if (reason.Length > 2000) throw new DomainException("reason: longer than 2,000 characters.");
        if (agreedBy == DisclosureAgreement.None || (agreedBy & ~(DisclosureAgreement.Reporter | DisclosureAgreement.Maintainers)) != 0)
            throw new DomainException("agreedBy: say who agreed to the new date (the reporter, the maintainers or both).");
        if (agreedBy.HasFlag(DisclosureAgreement.Reporter) && Reporter is null)
            throw new DomainException($"agreedBy: incident #{Number} has no reporter who could have agreed.");
        var record = RunningDisclosure();
        if (dueAt <= now) throw new DomainException($"dueAt: {dueAt.UtcDateTime:u} is not in the future; publish the advisory instead.");
        if (dueAt > now.AddDays(3660)) throw new DomainException("dueAt: more than ten years ahead.");
        var old = record.ToClock().DueAt;
        if (old == dueAt) return;
        record.DueAt = dueAt.UtcDateTime;
        var change = dueAt > old ? "extended" : "shortened";
        Record(now, actor, TimelineKind.Disclosure,
            $"Disclosure {change}: {old.UtcDateTime:u} → {dueAt.UtcDateTime:u}; agreed by {Agreement(agreedBy)}; reason: {reason}");
    }

    /// <summary>
    /// Records active exploitation with its evidence and, by the policy, brings the disclosure forward to at most
    /// <see cref="SecurityPolicy.ExploitedDisclosureWindow"/> from now (never later than it already was).
    /// </summary>
    public void ReportActiveExploitation(string evidence, SecurityPolicy policy, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        evidence = (evidence ?? "").Trim();
        if (evidence.Length == 0) throw new DomainException("evidence: say what shows the exploitation (a link, a log, a report).");
        if (evidence.Length > 2000) throw new DomainException("evidence: longer than 2,000 characters.");
        if (ActivelyExploited) throw new DomainException($"Incident #{Number} is already marked actively exploited (since {ExploitedAt:u}).");
        ActivelyExploited = true;
        ExploitedAt = now.UtcDateTime;
        var text = $"Active exploitation recorded: {evidence}";
        var record = _clocks.FirstOrDefault(c => c.Kind == ClockKind.Disclosure);
        if (record is { StoppedAt: null })
        {
            var old = record.ToClock().DueAt;
            var target = now + policy.ExploitedDisclosureWindow;
            if (target < old)
            {
                record.DueAt = target.UtcDateTime;
                text += $"; disclosure shortened by policy ({DurationText.Format(policy.ExploitedDisclosureWindow)} under active exploitation): {old.UtcDateTime:u} → {target.UtcDateTime:u}";
            }
        }
        Record(now, actor, TimelineKind.Disclosure, text);
    }

    /// <summary>Records a step of the advisory's publication workflow in the timeline.</summary>
    public void RecordAdvisory(string text, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("An advisory entry needs a text.");
        Record(now, actor, TimelineKind.Advisory, text.Trim());
    }

    /// <summary>
    /// The advisory has been public since <paramref name="publicSince"/> (its scheduled instant): the disclosure clock
    /// stops at that instant (met if on time), recorded at <paramref name="now"/>, when the publication ran, and an
    /// incident still in a working stage before the post-mortem moves on to it (stage 4 of the plan follows publication), its
    /// post-mortem clock starting at <paramref name="publicSince"/> with the <paramref name="policy"/>'s window for its severity.
    /// </summary>
    /// <remarks>
    /// In a project that is its own CNA (<paramref name="authority"/>), publication also starts the CVE record clock at
    /// <paramref name="publicSince"/>: the CNA rules count 72 hours from public disclosure.
    /// </remarks>
    public void MarkAdvisoryPublished(string advisoryId, DateTimeOffset publicSince, SecurityPolicy policy, string actor, DateTimeOffset now,
        CveAuthority authority = CveAuthority.None)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = $"Advisory {advisoryId} published (public since {publicSince.UtcDateTime:u})";
        var record = _clocks.FirstOrDefault(c => c.Kind == ClockKind.Disclosure);
        if (record is { StoppedAt: null })
        {
            record.StoppedAt = publicSince.UtcDateTime;
            text += record.ToClock().StateAt(publicSince) == ClockState.Met ? "; disclosure clock stopped (met)" : "; disclosure clock stopped (breached)";
        }
        Record(now, actor, TimelineKind.Advisory, text);
        if (authority == CveAuthority.OwnCna) StartCveClock(ClockKind.CveRecordPublication, policy.CveRecordPublication, publicSince, "public disclosure", actor, now);
        if (Stage < IncidentStage.PostMortem)
        {
            // The retrospective is due from publication itself, not from when the publication run noticed it.
            if (Clock(ClockKind.PostMortem) is null) StartPostMortemClock(policy, publicSince, actor, now);
            MoveTo(IncidentStage.PostMortem, actor, now, $"advisory {advisoryId} published", policy: policy);
        }
    }

    private ClockRecord RunningDisclosure()
    {
        var record = _clocks.FirstOrDefault(c => c.Kind == ClockKind.Disclosure)
            ?? throw new DomainException($"Incident #{Number} has no disclosure clock (only reported vulnerabilities have one).");
        return record.StoppedAt is null ? record : throw new DomainException("The advisory is already published; the disclosure date is history.");
    }

    private static string Agreement(DisclosureAgreement agreedBy) => agreedBy switch
    {
        DisclosureAgreement.Reporter => "the reporter",
        DisclosureAgreement.Maintainers => "the maintainers",
        _ => "the reporter and the maintainers",
    };
}
