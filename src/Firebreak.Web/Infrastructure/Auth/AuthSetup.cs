using Firebreak.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Firebreak.Web.Infrastructure.Auth;

internal static class AuthSetup
{
    public const string AdminPolicy = "admin";
    public const string ApiPolicy = "api";
    private const string Smart = "firebreak";

    /// <summary>
    /// Pages sign in with an Identity cookie; the API takes only bearer tokens (so no ambient
    /// credential reaches it and it needs no CSRF defence). Everything requires an authenticated
    /// user unless it says otherwise.
    /// </summary>
    public static WebApplicationBuilder AddFirebreakAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<ProjectAccess>();
        services.AddScoped<RecentSignIn>();
        services.AddSingleton<SetupToken>();
        // Served over TLS (Firebreak:PublicUrl is https), cookies take the __Host- prefix and are
        // Secure-only; on plain http (development, tests) browsers would refuse such cookies.
        var tls = builder.Configuration["Firebreak:PublicUrl"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        new AuthenticationBuilder(services).AddOidc(builder.Configuration, tls);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The principal is rebuilt from the account every minute; how this session signed in
            // (amr: a passkey counts as two factors) belongs to the session, so it is carried over.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identities.FirstOrDefault() is { } identity && !identity.HasClaim(c => c.Type == CurrentUser.AuthenticationMethodClaim))
                    foreach (var amr in context.CurrentPrincipal?.FindAll(CurrentUser.AuthenticationMethodClaim) ?? [])
                        identity.AddClaim(new System.Security.Claims.Claim(amr.Type, amr.Value));
                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = tls ? "__Host-firebreak.auth" : "firebreak.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            // Refusals are the page's own answer (403, an error page for browsers), not a redirect to a page that explains it.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false; // length over composition (NIST SP 800-63B)
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Security:LockoutAttempts", 10);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:LockoutMinutes", 15));
                o.Stores.SchemaVersion = FirebreakDbContext.IdentitySchema; // with the passkeys table
            })
            .AddEntityFrameworkStores<FirebreakDbContext>()
            .AddUserStore<ProtectedTokenUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();
        services.TryAddScoped<IPasskeyHandler<AppUser>, PasskeyHandler<AppUser>>();
        services.AddOptions<IdentityPasskeyOptions>().Configure(o => PasskeyRelyingParty.Configure(o, builder.Configuration["Firebreak:PublicUrl"]));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.AdminClaim, "true"))
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        return builder;
    }
}
