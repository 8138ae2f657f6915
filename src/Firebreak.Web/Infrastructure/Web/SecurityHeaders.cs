namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Strict headers on every response: a Content-Security-Policy under which only scripts carrying
/// this request's nonce run (and what they load, 'strict-dynamic'; 'self' is the fallback for
/// browsers without CSP 3), only this origin's styles, no framing, no sniffing, no referrer leaks,
/// and no caching of anything but static assets (every page may show embargoed material).
/// There is no inline script anywhere: the nonce goes only on the layout's script tag, so an
/// injected &lt;script&gt; (which cannot know the nonce) never runs.
/// </summary>
internal static class SecurityHeaders
{
    private const string OtherDirectives = "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static string PolicyFor(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}' 'strict-dynamic'; {OtherDirectives}";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A response may set a stricter policy of its own (a download: a sandbox with no sources); it is kept.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = PolicyFor(context.RequestServices.GetRequiredService<CspNonce>().Value);
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
