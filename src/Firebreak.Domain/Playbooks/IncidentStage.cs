namespace Firebreak.Domain.Playbooks;

/// <summary>
/// The four stages of the reported-vulnerability plan, then the ends. An incident moves forward
/// through the stages; Closed, Rejected and Duplicate are terminal.
/// </summary>
public enum IncidentStage
{
    /// <summary>Stage 1: discovery and assignment.</summary>
    Discovery,
    /// <summary>Stage 2: assessment and remediation.</summary>
    Assessment,
    /// <summary>Stage 3: community disclosure and patch release.</summary>
    Disclosure,
    /// <summary>Stage 4: post-mortem retrospective.</summary>
    PostMortem,
    /// <summary>Done; the record is kept for the life of the project.</summary>
    Closed,
    /// <summary>Not a vulnerability, out of scope, or otherwise rejected at triage.</summary>
    Rejected,
    /// <summary>Duplicate of another incident.</summary>
    Duplicate,
}
