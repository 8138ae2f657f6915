using System.Globalization;
using Firebreak.Domain.Common;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Which page of a list is asked for: a page number from 1 and how many rows a page holds (at most <see cref="MaxLimit"/>).
/// Every list page and list endpoint reads its rows through this, so no request loads more than one bounded page.
/// </summary>
internal readonly record struct Paging(int Page, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxPage = 1_000_000;

    /// <summary>How many rows come before this page.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * Limit);

    /// <summary>
    /// Reads the page and the page size from query-string text, adding an error naming the parameter for a value that is
    /// not a whole number in range (pages use <c>p</c> and <c>pageSize</c>, the API <c>page</c> and <c>limit</c>).
    /// </summary>
    public static Paging Parse(string? page, string? limit, IDictionary<string, string[]> errors, string pageName = "page", string limitName = "limit",
        int defaultLimit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int Number(string? text, string name, int fallback, int max, string what)
        {
            if (string.IsNullOrEmpty(text)) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max) return n;
            errors[name] = [$"'{(text.Length <= 40 ? text : text[..40] + "…")}' is not {what}."];
            return fallback;
        }
        return new(Number(page, pageName, 1, MaxPage, $"a page number (1 to {MaxPage})"), Number(limit, limitName, defaultLimit, MaxLimit, $"a page size (1 to {MaxLimit})"));
    }

    /// <summary>
    /// Reads a list endpoint's <c>page</c> and <c>limit</c>; a bad value is a rule violation naming the parameter, which the
    /// one exception handler answers with a 422 problem, as for every other list endpoint.
    /// </summary>
    public static Paging ParseForApi(string? page, string? limit, int defaultLimit = DefaultLimit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Parse(page, limit, errors, defaultLimit: defaultLimit);
        return errors.Count > 0 ? throw new DomainException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))) : paging;
    }
}

/// <summary>One page of a list: its rows, how many rows the whole list has, and where the page is.</summary>
internal sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int Limit)
{
    public int Pages => Math.Max(1, (Total + Limit - 1) / Limit);
    public bool HasNext => Page < Pages;
    public bool HasPrevious => Page > 1;

    /// <summary>The same page with its rows turned into what is shown.</summary>
    public Paged<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Page, Limit);
}

internal static class PagedQueries
{
    /// <summary>
    /// Reads a list page's <c>p</c> and <c>pageSize</c>: a bad value is added to the page's model state, naming the parameter
    /// (the page shows it in its error summary), and the first page of the default size is read instead.
    /// </summary>
    public static Paging AskedPage(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string? number, string? size, int defaultLimit = Paging.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(number, size, errors, "p", "pageSize", defaultLimit);
        foreach (var (key, messages) in errors) page.ModelState.AddModelError(key, $"{key}: {messages[0]}");
        return paging;
    }

    /// <summary>Counts in SQL and loads only the page's rows of an ordered query (the order must be total, ending in a unique key).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, Paging paging, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = total <= paging.Skip ? [] : await ordered.Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        return new(items, total, paging.Page, paging.Limit);
    }
}

/// <summary>
/// The paging of a list endpoint's answer: the <c>X-Total-Count</c> header and an RFC 8288 <c>Link</c> header to the first,
/// previous, next and last pages, each the request's own address with the other parameters kept; and the next page's
/// address for answers that carry it in their body.
/// </summary>
internal static class PageLinks
{
    public static void Write<T>(HttpContext http, Paged<T> page, string pageName = "page", string limitName = "limit")
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string> { $"<{At(http.Request, 1, page.Limit, pageName, limitName)}>; rel=\"first\"" };
        if (page.HasPrevious) links.Add($"<{At(http.Request, Math.Min(page.Page - 1, page.Pages), page.Limit, pageName, limitName)}>; rel=\"prev\"");
        if (page.HasNext) links.Add($"<{At(http.Request, page.Page + 1, page.Limit, pageName, limitName)}>; rel=\"next\"");
        links.Add($"<{At(http.Request, page.Pages, page.Limit, pageName, limitName)}>; rel=\"last\"");
        http.Response.Headers.Link = string.Join(", ", links);
    }

    /// <summary>The next page's address (relative to the server), or null on the last page.</summary>
    public static string? Next<T>(HttpContext http, Paged<T> page, string pageName = "page", string limitName = "limit")
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        return page.HasNext ? At(http.Request, page.Page + 1, page.Limit, pageName, limitName) : null;
    }

    /// <summary>The request's own address with the page and its size replaced (the other parameters kept, encoded).</summary>
    public static string At(HttpRequest request, int page, int limit, string pageName = "page", string limitName = "limit")
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != pageName && p.Key != limitName)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new(pageName, page.ToString(CultureInfo.InvariantCulture)))
            .Append(new(limitName, limit.ToString(CultureInfo.InvariantCulture)));
        return UriHelper.BuildRelative(request.PathBase, request.Path, QueryString.Create(query));
    }
}

/// <summary>
/// What the shared pager (<c>Features/Shared/_Pager.cshtml</c>) draws: links to the previous and next pages of a list page,
/// built with <c>asp-page</c> and the route values that keep the list's filters. A page with two paged lists gives the
/// second pager its own <see cref="Id"/> and <see cref="Label"/>, since ids and navigation landmarks' names must be unique.
/// </summary>
internal sealed record PagerView(string PageName, int Page, int Pages, IDictionary<string, string>? Previous, IDictionary<string, string>? Next,
    string PreviousText = "← previous", string NextText = "next →", string Id = "pager", string Label = "Pages")
{
    /// <summary>The pager of a page of <paramref name="list"/>, whose route values at page n <paramref name="routeAt"/> gives.</summary>
    public static PagerView Of<T>(string pageName, Paged<T> list, Func<int, IDictionary<string, string>> routeAt, string previousText = "← previous", string nextText = "next →",
        string id = "pager", string label = "Pages")
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(routeAt);
        return new(pageName, list.Page, list.Pages, list.HasPrevious ? routeAt(Math.Min(list.Page - 1, list.Pages)) : null, list.HasNext ? routeAt(list.Page + 1) : null,
            previousText, nextText, id, label);
    }

    /// <summary>Route values for page n of a list page: the filters given, and <c>p</c> and <c>pageSize</c> when not the defaults.</summary>
    public static Dictionary<string, string> Route(int page, int limit, params (string Name, string? Value)[] filters)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in filters) if (!string.IsNullOrEmpty(value)) values[name] = value;
        if (limit != Paging.DefaultLimit) values["pageSize"] = limit.ToString(CultureInfo.InvariantCulture);
        if (page != 1) values["p"] = page.ToString(CultureInfo.InvariantCulture); // not "page": Razor Pages keep that name, and a link built with it loses it
        return values;
    }
}
