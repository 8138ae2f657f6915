using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Account;

internal static class AccountSetup
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CreateAccount>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddSingleton<SignInLimiter>();
        builder.Services.AddScoped<Passkeys>();
        return builder;
    }

    public static WebApplication MapAccount(this WebApplication app)
    {
        var tokens = app.MapGroup("/api/v1/tokens").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Tokens").EnforcePermissions();
        tokens.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CurrentUser user, ApiTokens apiTokens, CancellationToken ct) =>
            await apiTokens.RevokeAsync(user.Id, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequirePermission(Permission.SignedIn);
        tokens.MapGet("/", async (CurrentUser user, FirebreakDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<ApiToken>().Where(t => t.UserId == user.Id).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt }).ToListAsync(ct))).RequirePermission(Permission.SignedIn);
        return app;
    }

    /// <summary>
    /// With no account yet, prints the one-time link that creates the first administrator, framed so it
    /// stands out among the start-up lines (to the console, not the log: it is a secret).
    /// </summary>
    public static async Task AnnounceSetupAsync(this IServiceProvider services, TextWriter console, string? baseUrl)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        if (await db.Users.AnyAsync()) return;
        await console.WriteAsync(SetupLinkBlock(scope.ServiceProvider.GetRequiredService<SetupToken>().Issue(), baseUrl));
    }

    /// <summary>The framed setup link, as printed at start-up and by <c>admin setup-link</c>.</summary>
    public static string SetupLinkBlock(string token, string? baseUrl)
    {
        var rule = new string('=', 78);
        var link = $"{baseUrl?.TrimEnd('/')}/setup?token={token}";
        return $"""

            {rule}
              No account exists yet. Create the first administrator at:

                {link}

              The link works for {(int)SetupToken.Lifetime.TotalDays} days, until an account exists. Print a new one with
              `admin setup-link` (see docs/operations.md).
            {rule}


            """;
    }
}
