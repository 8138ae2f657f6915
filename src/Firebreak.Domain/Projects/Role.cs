using System.Collections.Immutable;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Projects;

/// <summary>
/// A role in a project: one name for what a playbook step asks for, what a member holds and what the policy names a
/// holder for. Six are built in and are also what a member may do (<see cref="AccessRole"/>); a project adds its own
/// (a crypto reviewer, say), held by the people its policy names. Written in kebab case: <c>triage-owner</c>.
/// </summary>
public readonly record struct Role : IComparable<Role>
{
    private readonly string? _name;

    private Role(string name) => _name = name;

    /// <summary>The role's wire name, such as <c>triage-owner</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>Runs the project: its settings and people, and leads the technical work of a response.</summary>
    public static Role Admin { get; } = new("admin");

    /// <summary>Receives reports: opens, triages, corresponds with reporters.</summary>
    public static Role TriageOwner { get; } = new("triage-owner");

    /// <summary>Coordinates a response end to end: the reporter, the board, the disclosure.</summary>
    public static Role IncidentManager { get; } = new("incident-manager");

    /// <summary>Cuts, signs and publishes releases.</summary>
    public static Role ReleaseEngineer { get; } = new("release-engineer");

    /// <summary>Reviews and verifies fixes, and works steps.</summary>
    public static Role Reviewer { get; } = new("reviewer");

    /// <summary>The governing board: told of what matters, signs post-mortems off.</summary>
    public static Role Board { get; } = new("board");

    /// <summary>The six built-in roles, in the order pages list them.</summary>
    public static ImmutableArray<Role> BuiltIn { get; } = [Admin, TriageOwner, IncidentManager, ReleaseEngineer, Reviewer, Board];

    /// <summary>Whether this is one of the six built-in roles.</summary>
    public bool IsBuiltIn => BuiltIn.Contains(this);

    /// <summary>The member role this role is, for a built-in; null for a role a project added.</summary>
    public AccessRole? Access => IsBuiltIn && WireNames.TryParse<AccessRole>(Name, out var access) ? access : null;

    /// <summary>The built-in role a member role is.</summary>
    public static Role Of(AccessRole access) => new(access.ToWire());

    /// <summary>The longest role name accepted.</summary>
    public const int MaxLength = 40;

    /// <summary>Reads a role name: lower-case letters and digits in words joined by single hyphens, at most 40 characters.</summary>
    public static Role Parse(string? text, string what = "role") =>
        TryParse(text, out var role) ? role : throw new DomainException($"{what}: '{Excerpt.Clip(text, 60)}' {NameRule}");

    /// <summary>What a role name must look like, for error messages.</summary>
    public static string NameRule =>
        $"is not a role name; write it in lower case with hyphens between words (like 'crypto-reviewer'), at most {MaxLength} characters.";

    /// <summary>Reads a role name as <see cref="Parse"/> does, without throwing.</summary>
    public static bool TryParse(string? text, out Role role)
    {
        var name = text?.Trim().ToLowerInvariant() ?? "";
        role = IsName(name) ? new Role(name) : default;
        return role.Name.Length > 0;
    }

    private static bool IsName(string name)
    {
        if (name.Length is 0 or > MaxLength || name[0] is < 'a' or > 'z' || name[^1] == '-') return false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) continue;
            if (c != '-' || name[i - 1] == '-') return false;
        }
        return true;
    }

    /// <summary>The name in words, for people: <c>triage owner</c>.</summary>
    public string Title => Name.Replace('-', ' ');

    /// <summary>The name in words as a label starts: <c>Triage owner</c>.</summary>
    public string Label => Name.Length == 0 ? "" : char.ToUpperInvariant(Name[0]) + Title[1..];

    /// <inheritdoc/>
    public int CompareTo(Role other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>Orders by name.</summary>
    public static bool operator <(Role left, Role right) => left.CompareTo(right) < 0;

    /// <summary>Orders by name.</summary>
    public static bool operator <=(Role left, Role right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by name.</summary>
    public static bool operator >(Role left, Role right) => left.CompareTo(right) > 0;

    /// <summary>Orders by name.</summary>
    public static bool operator >=(Role left, Role right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A role a project adds to the built-in six, and what its holder does.</summary>
public sealed record AddedRole(Role Role, string Description);
