namespace Firebreak.Domain.Projects;

/// <summary>The roles a project's policy names holders for; playbook steps are owned by one.</summary>
public enum ProjectRole
{
    /// <summary>Receives and triages reports.</summary>
    TriageOwner,
    /// <summary>Reviews changes touching cryptography.</summary>
    CryptoReviewer,
    /// <summary>Reviews connectors and integrations.</summary>
    ConnectorReviewer,
    /// <summary>Cuts, signs and publishes releases.</summary>
    ReleaseEngineer,
    /// <summary>Coordinates the response and the reporter.</summary>
    IncidentManager,
    /// <summary>Owns the technical assessment and the fix (the four-stage plan's lead).</summary>
    ProjectArchitect,
    /// <summary>The governing board, informed of reports and running the post-mortem.</summary>
    Board,
}
