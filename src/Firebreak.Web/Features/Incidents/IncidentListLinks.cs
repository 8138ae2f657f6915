using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Firebreak.Web.Features.Incidents;

/// <summary>The paging headers of an incident list: <c>X-Total-Count</c> and an RFC 8288 <c>Link</c> to the first, previous, next and last pages.</summary>
internal static class IncidentListLinks
{
    public static void Write(HttpContext http, int total, int page, int pageSize, int pages)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string> { Link(http.Request, 1, pageSize, "first") };
        if (page > 1) links.Add(Link(http.Request, Math.Min(page - 1, pages), pageSize, "prev"));
        if (page < pages) links.Add(Link(http.Request, page + 1, pageSize, "next"));
        links.Add(Link(http.Request, pages, pageSize, "last"));
        http.Response.Headers.Link = string.Join(", ", links);
    }

    /// <summary>The request's own address with page and pageSize replaced (the other filters kept, encoded).</summary>
    private static string Link(HttpRequest request, int page, int pageSize, string rel)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key is not ("page" or "pageSize"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)));
        var url = UriHelper.BuildRelative(request.PathBase, request.Path, QueryString.Create(query));
        return $"<{url}>; rel=\"{rel}\"";
    }
}
