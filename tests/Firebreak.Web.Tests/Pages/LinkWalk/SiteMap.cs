using System.Reflection;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Pages.LinkWalk;

/// <summary>What an address reaches among the server's pages: the page, the handler a request would select, and the
/// permission it declares (null for a deliberately anonymous page).</summary>
internal sealed record PageTarget(string Route, string? Handler, bool HandlerExists, Permission? Permission);

/// <summary>
/// The server's pages and their handlers, read from the running server (as the page matrix does), so a form's
/// action can be checked without submitting it: does its address reach a page, and does that page have the handler
/// the form names (Razor Pages' rule: a named handler, else the unnamed one for the method)?
/// </summary>
internal sealed class SiteMap
{
    private sealed record Route(string Template, RouteTemplate Parsed, TemplateMatcher Matcher, CompiledPageActionDescriptor Page);

    private readonly List<Route> _routes;

    private SiteMap(List<Route> routes) => _routes = routes;

    public static async Task<SiteMap> LoadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var routes = new List<Route>();
        foreach (var page in pages.GroupBy(p => p.RelativePath).Select(g => g.First()))
        {
            var template = page.AttributeRouteInfo!.Template!;
            var parsed = TemplateParser.Parse(template);
            routes.Add(new(template, parsed, new TemplateMatcher(parsed, new RouteValueDictionary()), await loader.LoadAsync(page, EndpointMetadataCollection.Empty)));
        }
        return new(routes);
    }

    /// <summary>The page an address reaches with a method, or null when it reaches no page (an endpoint, or nothing).</summary>
    public PageTarget? Find(string pathAndQuery, string method)
    {
        var (path, query) = Split(pathAndQuery);
        var route = _routes.Where(r => Matches(r, path)).OrderByDescending(r => r.Parsed.Segments.Count(s => s.IsSimple && s.Parts[0].IsLiteral)).FirstOrDefault();
        if (route is null) return null;
        var name = QueryHelpersValue(query, "handler");
        var handlers = route.Page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
        var handler = handlers.FirstOrDefault(h => h.Name is not null && string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? handlers.FirstOrDefault(h => h.Name is null);
        // A GET selecting no handler renders the page as it stands (a page without OnGet): that is a page too.
        var exists = handler is not null || (method == HttpMethods.Get && handlers.Count == 0);
        var model = route.Page.ModelTypeInfo!;
        var permission = model.GetCustomAttribute<AllowAnonymousAttribute>() is not null ? (Permission?)null
            : (handler?.MethodInfo.GetCustomAttribute<RequiresPermissionAttribute>() ?? model.GetCustomAttribute<RequiresPermissionAttribute>())?.Permission;
        return new("/" + route.Template, handler?.Name, exists, permission);
    }

    private static bool Matches(Route route, string path)
    {
        var values = new RouteValueDictionary();
        if (!route.Matcher.TryMatch(path, values)) return false;
        foreach (var parameter in route.Parsed.Parameters)
        {
            var value = Convert.ToString(values[parameter.Name!], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var constraint in parameter.InlineConstraints.Select(c => c.Constraint))
            {
                if (constraint == "guid" && !Guid.TryParse(value, out _)) return false;
                if (constraint == "int" && !int.TryParse(value, out _)) return false;
            }
        }
        return true;
    }

    private static (string Path, string Query) Split(string pathAndQuery) =>
        pathAndQuery.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (pathAndQuery[..q], pathAndQuery[q..]) : (pathAndQuery, "");

    private static string? QueryHelpersValue(string query, string key) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue(key, out var value) ? value.ToString() : null;
}
