namespace Firebreak.Domain.Projects;

/// <summary>What a member may do in one project. The board reads and does not write, except to sign post-mortems off.</summary>
public enum AccessRole
{
    /// <summary>Runs the project: settings, people, everything below.</summary>
    Admin,
    /// <summary>Receives reports: opens, triages, corresponds with reporters.</summary>
    TriageOwner,
    /// <summary>Reviews fixes and works steps.</summary>
    Reviewer,
    /// <summary>Cuts and publishes releases and advisories.</summary>
    ReleaseEngineer,
    /// <summary>Coordinates a response end to end.</summary>
    IncidentManager,
    /// <summary>The governing board: reads everything in the project and signs post-mortems off; changes nothing else.</summary>
    Board,
}
