namespace Firebreak.Domain.Projects;

/// <summary>Who assigns a project's CVE ids and publishes its CVE records.</summary>
public enum CveAuthority
{
    /// <summary>Nobody: the project does not take CVE ids; no CVE clock runs.</summary>
    None,
    /// <summary>
    /// GitHub acting as CNA (a repository security advisory asks it for an id): the id is recorded on the incident by hand;
    /// the assignment clock runs, the record's publication is GitHub's to keep.
    /// </summary>
    Github,
    /// <summary>The project is (or acts through) its own CNA and uses CVE Services from Firebreak: both CVE clocks run.</summary>
    OwnCna,
}
