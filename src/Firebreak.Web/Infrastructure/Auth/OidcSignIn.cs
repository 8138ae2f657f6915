using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// Optional sign-in with an OpenID Connect provider (<c>Authentication:Oidc</c>: Authority, ClientId, ClientSecret,
/// DisplayName, AutoLinkVerifiedEmail, RequireHttpsMetadata). Authorization code flow with PKCE; the provider's identity
/// lands in Identity's external cookie and signs in only an account it is linked to (linked from the account page after
/// a recent sign-in, or, when the operator allows it, by a verified e-mail address equal to an existing account's).
/// Accounts are never created from a provider's say-so.
/// </summary>
internal sealed class OidcOptions
{
    public const string Scheme = "oidc";
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "OpenID Connect";
    public bool AutoLinkVerifiedEmail { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

internal static class OidcSignIn
{
    /// <summary>Where a failed provider round trip lands: the login page with a message, never an error page.</summary>
    public const string FailedPath = "/account/login?failed=oidc";

    public static void AddOidc(this AuthenticationBuilder authentication, IConfiguration configuration, bool tls)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        authentication.Services.Configure<OidcOptions>(configuration.GetSection(OidcOptions.Section));
        if (!options.Enabled) return;
        authentication.AddOpenIdConnect(OidcOptions.Scheme, options.DisplayName, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            if (!tls)
            {
                // On plain http (development, tests) the SameSite=None; Secure cookies a cross-site form_post needs
                // cannot be set, so the provider answers with a top-level GET (query) and the cookies are Lax.
                o.ResponseMode = "query";
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            }
            o.Events = new OpenIdConnectEvents
            {
                // Claims keep their OpenID names; Identity finds the provider's key for the user under NameIdentifier.
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && identity.FindFirst("sub") is { } sub)
                        identity.AddClaim(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, sub.Value));
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    context.Response.Redirect(FailedPath);
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
    }
}
