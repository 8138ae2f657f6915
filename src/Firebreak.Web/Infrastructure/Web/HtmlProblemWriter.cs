using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Browsers get error pages in the site's layout. Every error answer goes through the problem details service
/// (status code pages for a bare 403 or 404, the exception handler for broken rules and for bugs); this writer,
/// registered ahead of the JSON one, takes the requests that want HTML (<see cref="BrowserRequest"/>) and renders
/// <c>Features/Shared/Problem.cshtml</c> with the same status. Everyone else keeps application/problem+json.
/// The page shows no exception detail (<see cref="ProblemPage"/>).
/// </summary>
internal sealed class HtmlProblemWriter : IProblemDetailsWriter
{
    private const string View = "/Features/Shared/Problem.cshtml";

    private static readonly Endpoint ProblemEndpoint = new(null, EndpointMetadataCollection.Empty, "Error page");

    public bool CanWrite(ProblemDetailsContext context) => BrowserRequest.WantsHtml(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        // Links in the layout are built by the router, whose URL helper needs an endpoint; an address that matched none
        // (a 404) or one the exception handler cleared has none, so the page is rendered as this placeholder.
        if (http.GetEndpoint() is null) http.SetEndpoint(ProblemEndpoint);
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        var page = ProblemPage.For(status, context.ProblemDetails.Detail, SameSiteReferrer(http.Request));
        var result = new ViewResult
        {
            ViewName = View,
            StatusCode = status,
            ViewData = new ViewDataDictionary<ProblemPage>(metadata, new ModelStateDictionary()) { Model = page },
        };
        await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>The path of the page the browser came from, when it is on this site (Referrer-Policy sends only those).</summary>
    private static string? SameSiteReferrer(HttpRequest request)
    {
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var from)
            || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || (from.Scheme != Uri.UriSchemeHttp && from.Scheme != Uri.UriSchemeHttps))
            return null;
        var back = from.PathAndQuery;
        var local = back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal);
        return local && back != request.Path + request.QueryString ? back : null;
    }
}
