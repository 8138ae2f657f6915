using System.Security.Claims;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>The signed-in user of the current request, as the features need it.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string AdminClaim = "firebreak:admin";
    public const string TimeZoneClaim = "firebreak:tz";
    public const string TwoFactorClaim = "firebreak:2fa";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("No signed-in user on this request.");

    /// <summary>The actor recorded in timelines: the account's e-mail.</summary>
    public string Name => Principal.FindFirstValue(ClaimTypes.Name) ?? Id;

    public bool IsAdmin => Principal.HasClaim(AdminClaim, "true");

    /// <summary>The account signs in with a second factor.</summary>
    public bool HasTwoFactor => Principal.HasClaim(TwoFactorClaim, "true");

    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(Principal.FindFirstValue(TimeZoneClaim) ?? "UTC", out var tz) ? tz : TimeZoneInfo.Utc;

    public static IEnumerable<Claim> ClaimsFor(AppUser user)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id);
        yield return new Claim(ClaimTypes.Name, user.Email ?? user.UserName ?? user.Id);
        yield return new Claim(TimeZoneClaim, user.TimeZone);
        if (user.IsAdmin) yield return new Claim(AdminClaim, "true");
        if (user.TwoFactorEnabled) yield return new Claim(TwoFactorClaim, "true");
    }
}
