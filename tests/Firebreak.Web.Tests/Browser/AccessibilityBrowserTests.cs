using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Firebreak.Web.Tests.Pages.LinkWalk;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// axe-core finds no serious or critical violation on any page an instance administrator, a project maintainer, a
/// visitor and a reporter (through their private portal link) reach, at 1280 and 390 px. The pages are the link walk's
/// (<see cref="WalkInstance"/>, <see cref="LinkWalkerRun"/>): every page a walker reached by following links and GET
/// forms, one address per page and set of query keys (the first one reached), signed in and signed out apart. A
/// full-page screenshot of each at both widths is kept under the test results folder (TestResults/screenshots).
/// </summary>
public class AccessibilityBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    /// <summary>Who looks, in this order; a page already checked signed in (or out) is not checked again for the next.</summary>
    private static readonly string[] Lookers = ["instance admin", "admin", "anonymous"];

    private static readonly HashSet<string> Failing = new(["serious", "critical"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the screenshots go: the test results folder beside the test assembly (where Microsoft.Testing.Platform writes its reports).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Fact]
    public async Task EveryPage_HasNoSeriousOrCriticalViolation_AtADeskAndOnAPhone()
    {
        var first = await factory.NewPageAsync(); // starts the server on a real port before the walk seeds it
        await first.Context.CloseAsync();
        var instance = await WalkInstance.ForAsync(factory);
        Directory.CreateDirectory(Screenshots);
        var log = Path.Combine(Screenshots, "axe-violations.txt"); // written as the check goes, so a slow run can be read before it ends
        File.WriteAllText(log, "");

        var checkedPages = new HashSet<string>(StringComparer.Ordinal);
        var violations = new List<string>();
        var tooWide = new List<string>();
        var count = 0;
        foreach (var name in Lookers)
        {
            var walker = instance.Walkers[name];
            var report = await new LinkWalkerRun(walker, instance.Map).RunAsync();
            var signedIn = walker.Email is not null;
            var pages = report.Read
                .Select(url => (Url: url, Key: (signedIn ? "in " : "out ") + PageKey(instance.Map, url)))
                .Where(p => checkedPages.Add(p.Key))
                .ToList();
            Assert.True(pages.Count > 0 || name != Lookers[0], $"{name} reached no page");

            var page = await factory.NewPageAsync();
            if (walker.Email is { } email) await SignInAsync(page, email);
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 900);
                foreach (var (url, key) in pages)
                {
                    await page.GotoAsync(url);
                    count++;
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{FileName(name + " " + key)}-{width}.png"), FullPage = true });
                    // The page fits its screen: nothing makes the whole page scroll sideways (a wide table scrolls in its own box).
                    var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    if (pageWidth > width) tooWide.Add($"{name} {url} at {width} px is {pageWidth} px wide");
                    var result = await page.RunAxe();
                    foreach (var violation in result.Violations.Where(v => v.Impact is { } impact && Failing.Contains(impact)))
                    {
                        violations.Add(Describe(name, url, width, violation));
                        File.AppendAllText(log, violations[^1] + "\n");
                    }
                }
            }
            await page.Context.CloseAsync();
        }
        TestContext.Current.SendDiagnosticMessage($"axe checked {count} page views ({checkedPages.Count} pages at two widths); screenshots in {Screenshots}");
        Assert.True(count >= 30, $"only {count} page views checked");
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical violation(s):\n" + string.Join("\n", violations));
        Assert.True(tooWide.Count == 0, $"{tooWide.Count} page view(s) wider than the screen:\n" + string.Join("\n", tooWide));
    }

    /// <summary>A page, for checking it once: its route template and the names (not values) of its query.</summary>
    private static string PageKey(SiteMap map, string url)
    {
        var route = map.Find(url, "GET")?.Route ?? url.Split('?')[0];
        var at = url.IndexOf('?', StringComparison.Ordinal);
        var query = at < 0 ? [] : QueryHelpers.ParseQuery(url[at..]).Keys.Order(StringComparer.Ordinal).ToList();
        return route + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    private static string Describe(string walker, string url, int width, AxeResultItem violation)
    {
        var text = new StringBuilder($"{walker} at {width} px, {url}: {violation.Id} ({violation.Impact}) {violation.Help} — ");
        text.AppendJoin("; ", violation.Nodes.Take(8).Select(n => $"{n.Target} {Shorten(Failure(n))}"));
        if (violation.Nodes.Length > 8) text.Append("; and ").Append(violation.Nodes.Length - 8).Append(" more");
        return text.ToString();
    }

    /// <summary>What axe says is wrong with a node: the failed checks' messages.</summary>
    private static string Failure(AxeResultNode node) =>
        string.Join(" ", new[] { node.Any, node.All, node.None }.Where(c => c is not null).SelectMany(c => c).Select(c => c.Message).Distinct());

    private static string Shorten(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length > 220 ? line[..220] + "…" : line;
    }

    private static string FileName(string text) =>
        new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserSteps.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/");
    }
}
