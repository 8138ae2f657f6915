using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for a third-party OpenID Connect provider (the one thing here that cannot run for real): a Kestrel server
/// on loopback with discovery, an authorization endpoint that, instead of a login form, answers with the code it issued
/// for the next user the test chose, a token endpoint that checks the client secret, the redirect URI and the PKCE
/// verifier and returns an RS256-signed ID token carrying the nonce, and the key set.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "firebreak-test";
    public const string ClientSecret = "test-secret-not-used-anywhere-else";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    private sealed record Grant(string Subject, string? Email, bool EmailVerified, string Nonce, string RedirectUri, string Challenge);

    /// <summary>Who the provider says signs in at the next authorization request.</summary>
    public (string Subject, string? Email, bool EmailVerified) NextUser { get; set; } = ("subject-1", "someone@example.test", true);

    public string Authority { get; }

    private FakeOidcProvider(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOidcProvider? provider = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider!.Authority,
            ["authorization_endpoint"] = provider.Authority + "/authorize",
            ["token_endpoint"] = provider.Authority + "/token",
            ["jwks_uri"] = provider.Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(provider!._key) } }));
        app.MapGet("/authorize", (HttpRequest request) => provider!.Authorize(request));
        app.MapPost("/token", async (HttpRequest request) => await provider!.TokenAsync(request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new FakeOidcProvider(app, address.TrimEnd('/'));
        return provider;
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
            return Results.BadRequest("unexpected authorization request");
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var (subject, email, verified) = NextUser;
        _grants[code] = new Grant(subject, email, verified, q["nonce"]!, q["redirect_uri"]!, q["code_challenge"]!);
        // What a browser would post back to the client's callback after the user signed in.
        return Results.Json(new { redirect_uri = q["redirect_uri"].ToString(), code, state = q["state"].ToString(), response_mode = q["response_mode"].ToString() });
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (id, secret) = ClientCredentials(request, form);
        if (id != ClientId || secret != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        if (form["grant_type"] != "authorization_code" || !_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri)
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.Challenge) return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
        var claims = new Dictionary<string, object> { ["sub"] = grant.Subject, ["nonce"] = grant.Nonce };
        if (grant.Email is not null)
        {
            claims["email"] = grant.Email;
            claims["email_verified"] = grant.EmailVerified;
        }
        var now = DateTime.UtcNow; // the provider is another system with its own clock; the server's fake clock is not its business
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = "unused", token_type = "Bearer", expires_in = 600, id_token = token });
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        return (form["client_id"], form["client_secret"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
