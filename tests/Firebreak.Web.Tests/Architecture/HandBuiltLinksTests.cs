using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Architecture;

/// <summary>
/// Links are built by the router (asp-page, asp-route, asp-page-handler, Url.Page, RedirectToPage), never written by
/// hand: a hand-written same-site address breaks silently when a route changes, and points at pages that do not
/// exist (the project list once linked to /projects/{slug}, which has none). Static assets go through <c>~/</c>,
/// which is not a same-site address written out. Absolute links for mail are built outside pages (their helpers say why).
/// </summary>
public partial class HandBuiltLinksTests
{
    private static readonly string Features = Path.Combine(RepositoryRoot.Path, "src", "Firebreak.Web", "Features");

    [Fact]
    public void Views_WriteNoSameSiteAddressByHand()
    {
        var breaches = Matches("*.cshtml", HandWrittenAttribute());
        Assert.True(breaches.Count == 0, "Hand-built links in views (use asp-page / asp-route-* / asp-page-handler): " + string.Join("; ", breaches));
    }

    [Fact]
    public void PageModels_WriteNoSameSiteAddressByHand()
    {
        var breaches = Matches("*.cshtml.cs", HandWrittenPath());
        Assert.True(breaches.Count == 0, "Hand-built addresses in page models (use RedirectToPage / Url.Page): " + string.Join("; ", breaches));
    }

    [Fact]
    public void TheCheck_CatchesWhatItLooksFor()
    {
        Assert.Matches(HandWrittenAttribute(), "<a href=\"/projects/@p.Slug\">");
        Assert.Matches(HandWrittenAttribute(), "<form method=\"post\" action=\"/account/logout\">");
        Assert.Matches(HandWrittenAttribute(), "<button formaction=\"?handler=Preview\">");
        Assert.Matches(HandWrittenAttribute(), "<form data-score-url=\"?handler=CvssScore\">");
        Assert.DoesNotMatch(HandWrittenAttribute(), "<link rel=\"stylesheet\" href=\"~/css/site.css\">");
        Assert.DoesNotMatch(HandWrittenAttribute(), "<a asp-page=\"/Projects/Settings\" asp-route-slug=\"@p.Slug\">");
        Assert.DoesNotMatch(HandWrittenAttribute(), "<a href=\"@link\" rel=\"noopener\">");
        Assert.Matches(HandWrittenPath(), "return LocalRedirect($\"/incidents/{incident.Id}\");");
        Assert.Matches(HandWrittenPath(), "return LocalRedirect(\"/account/login\");");
        Assert.DoesNotMatch(HandWrittenPath(), "return RedirectToPage(\"/Projects/Settings\", new { slug });");
    }

    private static List<string> Matches(string pattern, Regex rule) =>
        [.. Directory.EnumerateFiles(Features, pattern, SearchOption.AllDirectories)
            .Where(f => pattern != "*.cshtml" || !f.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => rule.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Features, x.f)}:{x.i + 1}")];

    /// <summary>An address attribute (href, src, action, formaction, data-*-url) that starts with '/' (not '//') or with '?handler='.</summary>
    [GeneratedRegex(@"\b(href|src|action|formaction|data-[\w-]*url)=""(/(?!/)|\?handler=)", RegexOptions.IgnoreCase)]
    private static partial Regex HandWrittenAttribute();

    /// <summary>A string literal (plain or interpolated) holding a lower-case site path: page names are "/Area/Page", paths are not.</summary>
    [GeneratedRegex(@"\$?""/[a-z0-9.]")]
    private static partial Regex HandWrittenPath();
}
