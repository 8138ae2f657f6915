namespace Firebreak.Domain.Disclosure;

/// <summary>Where an incident's advisory stands on its way to the public.</summary>
public enum AdvisoryState
{
    /// <summary>Being written; only the project sees it.</summary>
    Draft,
    /// <summary>Waiting for a second maintainer's approval.</summary>
    InReview,
    /// <summary>Approved, with a publication instant; public from that instant on.</summary>
    Scheduled,
    /// <summary>Public, and the publication's side effects (announcement, clock) are done.</summary>
    Published,
    /// <summary>Public, marked withdrawn.</summary>
    Withdrawn,
}
