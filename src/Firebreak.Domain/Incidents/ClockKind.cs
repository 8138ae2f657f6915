namespace Firebreak.Domain.Incidents;

/// <summary>The deadline clocks an incident can carry.</summary>
public enum ClockKind
{
    /// <summary>Acknowledge the reporter; stops when the acknowledgement is sent.</summary>
    Acknowledgement,
    /// <summary>Take the first action, due per severity; stops when the first step is done.</summary>
    FirstAction,
    /// <summary>Release a fix; stops when the fix is released.</summary>
    Fix,
    /// <summary>Disclose publicly; stops when the advisory is published.</summary>
    Disclosure,
    /// <summary>
    /// Sign off the post-mortem, due per severity by the policy; starts when the incident enters its post-mortem (at
    /// publication) or, for an incident closed without one, at closing; stops when the board signs the post-mortem off.
    /// </summary>
    PostMortem,
    /// <summary>Finish a follow-up action item; carried by the item (from its creation to its due date), not by the incident.</summary>
    ActionItem,
    /// <summary>
    /// Get a CVE id for a confirmed vulnerability (the CNA rules: within 72 hours); starts when triage finds the report
    /// valid, in a project with a CVE authority; stops when a CVE id is recorded on the incident.
    /// </summary>
    CveAssignment,
    /// <summary>
    /// Publish the CVE record after public disclosure (the CNA rules: within 72 hours, 24 recommended, so it is at risk
    /// after a third of its window); starts when the advisory goes public in a project that is its own CNA; stops when
    /// CVE Services accept the record.
    /// </summary>
    CveRecordPublication,
}
