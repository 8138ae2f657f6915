using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// With <c>Security:RequireTwoFactor</c> set by the operator, an account without a second factor may
/// only reach the page that turns one on (and sign out): pages redirect there, the API answers 403.
/// </summary>
internal static class TwoFactorRequirement
{
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("Security:RequireTwoFactor", false)) return app;
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            // Setting up the second factor may first ask for the password again: let that page through.
            var exempt = path.StartsWithSegments("/account/2fa") || path.StartsWithSegments(RecentSignIn.ConfirmPath) || path.StartsWithSegments("/account/logout")
                || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");
            if (context.User.Identity?.IsAuthenticated != true || exempt
                || context.RequestServices.GetRequiredService<CurrentUser>().HasTwoFactor
                || await TokenAccountHasPasskeyAsync(context))
            {
                await next();
                return;
            }
            if (path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Two-factor sign-in required",
                    detail: "This instance requires two-factor sign-in; turn it on at /account/2fa, then use the API.").ExecuteAsync(context);
                return;
            }
            context.Response.Redirect("/account/2fa");
        });
    }

    /// <summary>
    /// An API token stands for its account, not for a sign-in: an account that holds a passkey has its second factor, so
    /// its tokens pass. Asked only here, with the rule switched on and no authenticator app, never on other requests.
    /// </summary>
    private static async Task<bool> TokenAccountHasPasskeyAsync(HttpContext context)
    {
        if (context.User.Identity?.AuthenticationType != BearerTokenHandler.SchemeName) return false;
        var id = context.RequestServices.GetRequiredService<CurrentUser>().Id;
        var db = context.RequestServices.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
        return await db.Set<Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>>().AnyAsync(p => p.UserId == id, context.RequestAborted);
    }
}
