using System.Security.Claims;
using Firebreak.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>Adds the admin flag and time zone to the sign-in cookie's claims.</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.TimeZoneClaim, user.TimeZone));
        if (user.IsAdmin) identity.AddClaim(new Claim(CurrentUser.AdminClaim, "true"));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(CurrentUser.TwoFactorClaim, "true"));
        return identity;
    }
}
