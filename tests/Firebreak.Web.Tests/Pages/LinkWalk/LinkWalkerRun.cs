using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Firebreak.Web.Tests.Authorization;

namespace Firebreak.Web.Tests.Pages.LinkWalk;

/// <summary>
/// One walker's crawl: every same-site link, asset and form on every page they reach (see <see cref="LinkWalkTests"/>).
/// Links and GET forms are followed (redirects too); a POST form is checked against the site map (its address reaches a
/// page handler), and submitted only when its handler renders without writing (<see cref="RenderOnly"/>).
/// </summary>
internal sealed class LinkWalkerRun(Walker walker, SiteMap map)
{
    private const int MaxPages = 400;
    private static readonly Uri Site = new("http://localhost/");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Handlers that read the form and answer with a page or a score, writing nothing: safe to submit as the walk goes.</summary>
    private static readonly HashSet<string> RenderOnly = new(["Preview", "CvssScore"], StringComparer.OrdinalIgnoreCase);

    private readonly WalkReport _report = new();
    private readonly Queue<(string Url, string From)> _queue = new();
    private readonly HashSet<string> _seen = [];
    private readonly HashSet<string> _checked = [];

    public async Task<WalkReport> RunAsync()
    {
        foreach (var start in walker.Start) Visit(start, "(start)");
        while (_report.Pages < MaxPages && _queue.TryDequeue(out var next))
        {
            var (status, at, type, body) = await FollowAsync(next.Url);
            var landed = at == next.Url ? "" : $" at {at}";
            if (!Acceptable(status, at, "GET")) _report.Problems.Add($"{next.From} → GET {next.Url}: {(int)status}{landed}");
            else if (SignedIn && at.StartsWith("/account/login", StringComparison.Ordinal)) _report.Problems.Add($"{next.From} → GET {next.Url}: signed out{landed}");
            else if (status == HttpStatusCode.OK && type == "text/html" && (at == next.Url || _seen.Add(at))) await ReadAsync(at, body);
        }
        return _report;
    }

    private bool SignedIn => walker.Role is not null || walker.InstanceAdmin || walker.Collaborator;

    private void Visit(string url, string from)
    {
        if (_seen.Add(url)) _queue.Enqueue((url, from));
    }

    private async Task ReadAsync(string page, string html)
    {
        _report.Read.Add(page);
        var document = await new HtmlParser().ParseDocumentAsync(html, Ct);
        foreach (var anchor in document.QuerySelectorAll("a"))
        {
            var href = anchor.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href)) _report.Problems.Add($"{page}: a link with no address ('{anchor.TextContent.Trim()}'), so the router could not build it");
            else if (SameSite(page, href) is { } url) { _report.Links.Add(url); Visit(url, page); }
        }
        foreach (var asset in document.QuerySelectorAll("link[href], script[src], img[src]"))
        {
            if (SameSite(page, asset.GetAttribute("href") ?? asset.GetAttribute("src")!) is { } url && _report.Assets.Add(url))
            {
                using var response = await walker.Client.Http.GetAsync(new Uri(url, UriKind.Relative), Ct);
                if (response.StatusCode != HttpStatusCode.OK) _report.Problems.Add($"{page} → asset {url}: {(int)response.StatusCode}");
            }
        }
        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form")) await CheckFormAsync(page, form);
    }

    private async Task CheckFormAsync(string page, IHtmlFormElement form)
    {
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var targets = new List<(string? Address, string Method)> { (form.GetAttribute("action"), method) };
        targets.AddRange(form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => (b.GetAttribute("formaction"), (b.GetAttribute("formmethod") ?? method).ToUpperInvariant())));
        targets.AddRange(form.Attributes.Where(a => a.Name.StartsWith("data-", StringComparison.Ordinal) && a.Name.EndsWith("-url", StringComparison.Ordinal)).Select(a => ((string?)a.Value, "POST")));
        foreach (var (address, how) in targets)
        {
            // No action: the form goes to the page it is on (query included).
            if ((address is null ? page : SameSite(page, address)) is not { } url) continue;
            _report.Forms.Add($"{how} {url}");
            if (how == "GET")
            {
                Visit(FormValues.Query(url, FormValues.Of(form).Where(f => f.Key != "__RequestVerificationToken")), page);
                _report.Submitted.Add($"GET {url}");
            }
            else if (_checked.Add($"{how} {url}"))
            {
                await CheckPostAsync(page, form, url);
            }
        }
    }

    private async Task CheckPostAsync(string page, IHtmlFormElement form, string url)
    {
        if (map.Find(url, "POST") is not { HandlerExists: true } target)
        {
            _report.Problems.Add($"{page}: a form posts to {url}, which reaches no page handler");
            return;
        }
        var expected = target.Permission is { } permission ? RoleSpec.Expect(permission, walker.InstanceAdmin, walker.Role, walker.Collaborator) : 0;
        if (expected != 0) _report.ShownButRefused.Add($"{target.Route} {target.Handler ?? "(post)"}");
        if (target.Handler is null || !RenderOnly.Contains(target.Handler)) return;
        using var content = new FormUrlEncodedContent(FormValues.Of(form));
        using var response = await walker.Client.Http.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
        _report.Submitted.Add($"POST {url}");
        if ((int)response.StatusCode != (expected == 0 ? 200 : expected)) _report.Problems.Add($"{page}: submitting {url} answered {(int)response.StatusCode}, expected {(expected == 0 ? 200 : expected)}");
    }

    /// <summary>GET with redirects followed on this site; the status, where it ended, its media type and body.</summary>
    private async Task<(HttpStatusCode Status, string At, string? Type, string Body)> FollowAsync(string url)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
            using var response = await walker.Client.Http.SendAsync(request, Ct);
            var status = response.StatusCode;
            if ((int)status is >= 300 and < 400 && response.Headers.Location is { } location && hop < 5)
            {
                if (SameSite(url, location.OriginalString) is not { } next) return (HttpStatusCode.OK, url, null, ""); // leaves the site
                url = next;
                continue;
            }
            return (status, url, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    private bool Acceptable(HttpStatusCode status, string url, string method) => (int)status switch
    {
        >= 200 and < 300 => true,
        403 => map.Find(url, method)?.Permission is { } permission && RoleSpec.Expect(permission, walker.InstanceAdmin, walker.Role, walker.Collaborator) == 403,
        _ => false,
    };

    /// <summary>The path and query of an address on this site, resolved against the page it is on; null for other sites, fragments and schemes.</summary>
    private static string? SameSite(string page, string address)
    {
        if (address.StartsWith('#') || !Uri.TryCreate(new Uri(Site, page), address.Trim(), out var url)) return null;
        return url.Scheme == Uri.UriSchemeHttp && url.Authority == Site.Authority ? url.PathAndQuery : null;
    }
}
