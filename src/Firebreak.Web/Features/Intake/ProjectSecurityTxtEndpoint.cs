using Firebreak.Domain.Disclosure;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Each project's RFC 9116 file at <c>/p/{slug}/.well-known/security.txt</c>, deliberately public, for the
/// project to serve or redirect to from its own domain: Contact lines for its security contacts
/// as given (an address as mailto:, an https URL as itself; http URLs are not allowed there) and, while its report form is open and the server is reached over https, the form itself; Expires 180 days ahead;
/// Policy (the public policy page), Acknowledgments (the thanks page), CSAF (the provider metadata) and Canonical when served over https (RFC 9116 web URIs are https only); Preferred-Languages en. A project with no way to be reached gets 404.
/// </summary>
internal static class ProjectSecurityTxtEndpoint
{
    public static WebApplication MapProjectSecurityTxt(this WebApplication app)
    {
        app.MapGet("/p/{slug}/.well-known/security.txt", async (string slug, HttpContext http, FirebreakDbContext db, PublicUrl urls,
            TimeProvider time, CancellationToken ct) =>
        {
            if (await db.Projects.SingleOrDefaultAsync(p => p.Slug == slug, ct) is not { } project) return Results.NotFound();
            var accepting = (await db.Set<IntakeSettings>().FindAsync([project.Id], ct))?.Accepting ?? true;
            var baseUrl = urls.For(http.Request);
            var contacts = project.SecurityContacts.Select(SecurityTxt.ContactUri).OfType<Uri>().ToList();
            // RFC 9116 allows only https web contacts: the form is listed when the server is reached over TLS.
            if (accepting && baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) contacts.Add(new Uri($"{baseUrl}/p/{project.Slug}/report"));
            if (contacts.Count == 0) return Results.NotFound();
            var self = new Uri($"{baseUrl}/p/{project.Slug}/.well-known/security.txt");
            var https = self.Scheme == Uri.UriSchemeHttps;
            var file = new SecurityTxt(contacts, time.GetUtcNow().AddDays(180),
                Policy: https ? new Uri($"{baseUrl}/p/{project.Slug}/policy") : null,
                Acknowledgments: https ? new Uri($"{baseUrl}/p/{project.Slug}/thanks") : null,
                PreferredLanguages: ["en"], Canonical: https ? [self] : null,
                Csaf: https ? new Uri($"{baseUrl}/p/{project.Slug}/.well-known/csaf/provider-metadata.json") : null);
            return Results.Text(file.Format(), "text/plain; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription().WithName("project-security-txt"); // pages link to it by this name
        return app;
    }
}
