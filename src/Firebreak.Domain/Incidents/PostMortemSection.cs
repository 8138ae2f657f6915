namespace Firebreak.Domain.Incidents;

/// <summary>
/// The written sections of a post-mortem, in the order the document shows them. Each is Markdown. The timeline and the
/// action items are sections too, but they are assembled (the timeline from the incident, the items as their own records).
/// </summary>
public enum PostMortemSection
{
    /// <summary>What happened, in a few sentences.</summary>
    Summary,
    /// <summary>Who and what was affected, for how long.</summary>
    Impact,
    /// <summary>What users' safety was exposed to (identity, duress, data left behind), or why it was not.</summary>
    UserSafetyImpact,
    /// <summary>The cause in the system, not in a person.</summary>
    RootCause,
    /// <summary>Conditions that let the cause do harm or made the response harder.</summary>
    ContributingFactors,
    /// <summary>How it was found, and how it should have been.</summary>
    Detection,
    /// <summary>What went well.</summary>
    WentWell,
    /// <summary>What went badly.</summary>
    WentBadly,
    /// <summary>Where we got lucky.</summary>
    GotLucky,
    /// <summary>The regression test or lint that would have caught it.</summary>
    RegressionTest,
    /// <summary>What to change in the response plan or the playbooks.</summary>
    PlanChanges,
}
