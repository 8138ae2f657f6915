using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer fbk_…</c> against the stored token hashes.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        if (await tokens.ResolveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted) is not ({ } token, { } user))
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        if (user.LockoutEnd is { } end && end > time.GetUtcNow())
            return AuthenticateResult.Fail("The token's account is disabled.");
        var identity = new ClaimsIdentity(CurrentUser.ClaimsFor(user, token), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
            detail: "Send a valid API token as 'Authorization: Bearer <token>'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
}
