using Microsoft.Net.Http.Headers;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Whether an error should be answered as an HTML page rather than problem details: the request is not for the API
/// (<c>/api/**</c> always answers application/problem+json) and its Accept header asks for HTML without naming JSON.
/// A browser navigating asks for text/html; scripts, the CLI and tests that send no Accept, or ask for JSON, get JSON.
/// </summary>
internal static class BrowserRequest
{
    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.StartsWithSegments("/api")) return false;
        // Unparseable Accept headers count as no preference (problem details, as before there were error pages).
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        var wanted = accepted.Where(a => a.Quality is not 0).Select(a => a.MediaType.Value?.ToLowerInvariant()).ToList();
        return !wanted.Any(type => type is "application/json" or "application/problem+json")
            && wanted.Any(type => type is "text/html" or "application/xhtml+xml");
    }
}
