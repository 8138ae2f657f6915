using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// The policy rule that decides an incident's severity: the requested class, except that a
/// user-safety bug is always Critical whatever CVSS or the triager says.
/// </summary>
public static class SeverityRule
{
    /// <summary>The effective severity and, when it differs from the request, why.</summary>
    public static (Severity Severity, string? Reason) Apply(Severity requested, string? userSafetyClass, SecurityPolicy policy)
    {
        if (userSafetyClass is null) return (requested, null);
        if (!policy.IsUserSafetyClass(userSafetyClass))
            throw new DomainException($"'{userSafetyClass}' is not a user-safety class of this project; expected one of: {string.Join(", ", policy.UserSafetyClasses)}.");
        return requested == Severity.Critical
            ? (Severity.Critical, null)
            : (Severity.Critical, $"user-safety class {userSafetyClass} is always critical (requested {requested.ToWire()})");
    }
}
