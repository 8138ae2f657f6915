namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The pages a maintainer lives in fit a 390 px phone screen and a 1280 px desk: nothing wider than the window (the
/// page itself never scrolls sideways; a wide table may scroll inside its own box). Screenshots of each at both widths
/// go to the temporary folder (firebreak-width-*.png) for a person to look at.
/// </summary>
public class PageWidthBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    /// <summary>The deepest elements that reach past the window, named by tag, id and class, so a failure says where to look.</summary>
    private const string Widest = """
        w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
            .slice(-5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px/' + e.scrollWidth).join(', ')
        """;

    [Fact]
    public async Task MaintainerPages_FitAPhoneAndADesk_InChromium()
    {
        var page = await factory.NewPageAsync();
        await factory.SignInAsNewAdminAsync(page, "width-browser@example.test");
        await page.CreateProjectAsync("widthweb", "Widthweb");
        await page.OpenIncidentAsync("widthweb", "vulnerability-report", "Panic wipe leaves the vault key on disk in ~/.vault/key.bin", "high");
        var incident = new Uri(page.Url).AbsolutePath;

        var pages = new (string Name, string Path)[]
        {
            ("dashboard", "/"), ("incident", incident), ("advisory-editor", incident + "/advisory"), ("advisory-json", incident + "/advisory?view=json"),
            ("disclosure-settings", "/projects/widthweb/disclosure"), ("account", "/account"), ("inbox", "/inbox"), ("notification-settings", "/account/notifications"), ("two-factor", "/account/2fa"),
            ("project-home", "/projects/widthweb"), ("incident-list", "/projects/widthweb/incidents?state=all"), ("close", incident + "/close"),
            ("postmortem", incident + "/postmortem"),
            ("chat-channels", "/projects/widthweb/chat"), ("chat-deliveries", "/admin/chat"), ("integrations", "/projects/widthweb/integrations"),
            ("cve-authority", "/projects/widthweb/cve"), ("incident-cve", incident + "/cve"),
            ("metrics", "/projects/widthweb/metrics"), ("cna", "/projects/widthweb/cna"), ("instance-metrics", "/admin/metrics"),
        };
        var overflowing = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var (name, path) in pages)
            {
                await page.GotoAsync(path);
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"firebreak-width-{name}-{width}.png"), FullPage = true });
                var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scroll > width) overflowing.Add($"{name} at {width} px is {scroll} px wide, widest: " + await page.EvaluateAsync<string>(Widest, width));
            }
        }
        Assert.True(overflowing.Count == 0, string.Join("; ", overflowing));
    }
}
