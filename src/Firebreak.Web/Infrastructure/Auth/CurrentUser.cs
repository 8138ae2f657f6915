using System.Security.Claims;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>The signed-in user of the current request, as the features need it.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string AdminClaim = "firebreak:admin";
    public const string TimeZoneClaim = "firebreak:tz";
    public const string TwoFactorClaim = "firebreak:2fa";
    public const string TokenProjectClaim = "firebreak:token-project";
    public const string TokenRoleClaim = "firebreak:token-role";

    /// <summary>How this session signed in (RFC 8176 "amr"), kept by Identity across refreshes of the cookie.</summary>
    public const string AuthenticationMethodClaim = "amr";

    /// <summary>The amr value of a passkey sign-in: proof of possession of a key, behind the authenticator's own user verification.</summary>
    public const string PasskeyMethod = "pop";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("No signed-in user on this request.");

    /// <summary>The actor recorded in timelines: the account's e-mail.</summary>
    public string Name => Principal.FindFirstValue(ClaimTypes.Name) ?? Id;

    public bool IsAdmin => Principal.HasClaim(AdminClaim, "true");

    /// <summary>The project a scoped API token is limited to, if the request uses one.</summary>
    public Guid? TokenProject => Guid.TryParse(Principal.FindFirstValue(TokenProjectClaim), out var id) ? id : null;

    /// <summary>The role a scoped API token is limited to (its permissions are also limited by the account's own role).</summary>
    public AccessRole? TokenRole => Enum.TryParse<AccessRole>(Principal.FindFirstValue(TokenRoleClaim), out var role) ? role : null;

    /// <summary>
    /// The account signs in with a second factor, or this session was signed in with a passkey
    /// (something held, unlocked by something known or a biometric: two factors, and phishing-resistant).
    /// </summary>
    public bool HasTwoFactor => Principal.HasClaim(TwoFactorClaim, "true") || SignedInWithPasskey;

    /// <summary>This session began with a passkey.</summary>
    public bool SignedInWithPasskey => Principal.HasClaim(AuthenticationMethodClaim, PasskeyMethod);

    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(Principal.FindFirstValue(TimeZoneClaim) ?? "UTC", out var tz) ? tz : TimeZoneInfo.Utc;

    /// <summary>The claims of a bearer-token request. A token scoped to a project never carries the instance-admin flag.</summary>
    public static IEnumerable<Claim> ClaimsFor(AppUser user, ApiToken token)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id);
        yield return new Claim(ClaimTypes.Name, user.Email ?? user.UserName ?? user.Id);
        yield return new Claim(TimeZoneClaim, user.TimeZone);
        if (token.ProjectId is { } project)
        {
            yield return new Claim(TokenProjectClaim, project.ToString());
            yield return new Claim(TokenRoleClaim, (token.Role ?? AccessRole.Board).ToString());
        }
        else if (user.IsAdmin) yield return new Claim(AdminClaim, "true");
        if (user.TwoFactorEnabled) yield return new Claim(TwoFactorClaim, "true");
    }
}
