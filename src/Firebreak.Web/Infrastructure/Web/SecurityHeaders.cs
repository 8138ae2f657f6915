namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Strict headers on every response: a Content-Security-Policy that allows only this origin's
/// scripts and styles (no inline script), no framing, no sniffing, no referrer leaks, and no
/// caching of anything but static assets (every page may show embargoed material).
/// </summary>
internal static class SecurityHeaders
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // The report form and the reporter's portal carry capability links: never leak them.
            headers["Referrer-Policy"] = IsCapabilityPath(context.Request.Path) ? "no-referrer" : "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });

    private static bool IsCapabilityPath(PathString path) =>
        path.StartsWithSegments("/p") || path.StartsWithSegments("/r") || path.StartsWithSegments("/api/v1/portal");
}
