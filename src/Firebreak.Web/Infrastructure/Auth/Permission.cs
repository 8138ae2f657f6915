namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// What an endpoint or page needs. The permission also says which object it is checked on:
/// <c>Project*</c> on the route's <c>{slug}</c>, <c>Incident*</c> and the rest on its <c>{id}</c>
/// (or on the incident of the action item its <c>{itemId}</c> names);
/// <see cref="SignedIn"/> and <see cref="InstanceAdmin"/> on no object.
/// </summary>
internal enum Permission
{
    /// <summary>Any signed-in account (its own settings, the playbook library, the CVSS calculator).</summary>
    SignedIn,
    /// <summary>The instance's administrators: projects, accounts, the mail queue.</summary>
    InstanceAdmin,
    /// <summary>See a project, its policy and its incident list.</summary>
    ProjectRead,
    /// <summary>Change a project's policy, intake and people.</summary>
    ProjectAdmin,
    /// <summary>Keep the project's own records: the STRIDE risk register (entries, links to incidents, import).</summary>
    ProjectWork,
    /// <summary>Open an incident in a project.</summary>
    IncidentOpen,
    /// <summary>See one incident, its timeline and thread.</summary>
    IncidentRead,
    /// <summary>Work an incident: steps, notes, details, internal messages.</summary>
    IncidentWork,
    /// <summary>Triage an incident: severity, stage, assignments, people on it.</summary>
    IncidentTriage,
    /// <summary>Speak for the project to the reporter: shared messages, the acknowledgement.</summary>
    ReporterCorrespond,
    /// <summary>Approve an advisory written by someone else (the second maintainer's review).</summary>
    Review,
    /// <summary>Publish or withdraw an advisory, send public notices.</summary>
    Publish,
    /// <summary>Sign an incident's post-mortem off for the board (stage 4 of the foundation plan).</summary>
    PostMortemSignOff,
}
