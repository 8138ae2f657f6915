using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

/// <summary>Who holds a role for one incident.</summary>
public sealed class Assignment
{
    private Assignment() { Person = ""; }

    internal Assignment(Role role, string person)
    {
        Role = role;
        Person = person;
    }

    /// <summary>The role.</summary>
    public Role Role { get; private set; }

    /// <summary>The person holding it (handle or e-mail).</summary>
    public string Person { get; internal set; }
}
