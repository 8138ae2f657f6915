namespace Firebreak.Domain.Incidents;

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    /// <summary>The incident was opened.</summary>
    Opened,
    /// <summary>The severity or user-safety class changed.</summary>
    SeverityChanged,
    /// <summary>The stage changed.</summary>
    StageChanged,
    /// <summary>A role was assigned or unassigned.</summary>
    Assigned,
    /// <summary>A clock's due instant changed.</summary>
    ClockChanged,
    /// <summary>A clock stopped because its event happened.</summary>
    ClockStopped,
    /// <summary>A playbook run started (including by handover).</summary>
    PlaybookStarted,
    /// <summary>A playbook step was completed, skipped, reopened or decided.</summary>
    Step,
    /// <summary>Details (CVSS, CWE, versions, identifiers) were edited.</summary>
    DetailsChanged,
    /// <summary>A free-text note.</summary>
    Note,
    /// <summary>A message to or from the reporter (its text is kept in the report thread).</summary>
    Correspondence,
    /// <summary>The reporter changed how they want to be credited.</summary>
    CreditChanged,
    /// <summary>The disclosure date moved, or active exploitation shortened it.</summary>
    Disclosure,
    /// <summary>The advisory was saved, reviewed, scheduled, published or withdrawn.</summary>
    Advisory,
    /// <summary>A release carrying the fix was recorded.</summary>
    Release,
    /// <summary>The post-mortem was saved or signed off.</summary>
    PostMortem,
    /// <summary>A follow-up action item was added or changed.</summary>
    ActionItem,
    /// <summary>An entry of the project's risk register started or stopped naming the incident.</summary>
    Risk,
    /// <summary>An instance administrator redacted the reporter's contact details (the entry says who and why, never the value).</summary>
    Redaction,
    /// <summary>A CVE id recorded or released, or a CVE Services call and its outcome.</summary>
    Cve,
}
