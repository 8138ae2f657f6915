using Firebreak.Domain.Disclosure;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The server's own RFC 9116 <c>/.well-known/security.txt</c>, deliberately public, generated from the
/// <c>SecurityTxt</c> settings (Contact list, optional Policy, Acknowledgments, PreferredLanguages,
/// Encryption). Expires rolls forward: 180 days from each request. Without a configured contact the
/// file is not served (404) rather than served empty.
/// </summary>
internal static class SecurityTxtEndpoint
{
    public static WebApplication MapSecurityTxt(this WebApplication app)
    {
        app.MapGet("/.well-known/security.txt", (HttpContext http, IConfiguration configuration, TimeProvider time) =>
        {
            var section = configuration.GetSection("SecurityTxt");
            var contacts = section.GetSection("Contact").Get<string[]>() ?? [];
            if (contacts.Length == 0) return Results.NotFound();
            var canonical = http.Request.IsHttps ? [new Uri($"https://{http.Request.Host}/.well-known/security.txt")] : Array.Empty<Uri>();
            var file = new SecurityTxt(
                [.. contacts.Select(c => new Uri(c, UriKind.Absolute))],
                time.GetUtcNow().AddDays(180),
                Policy: Optional(section["Policy"]),
                Acknowledgments: Optional(section["Acknowledgments"]),
                PreferredLanguages: section["PreferredLanguages"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Canonical: canonical,
                Encryption: Optional(section["Encryption"]));
            return Results.Text(file.Format(), "text/plain; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Uri? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
