using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The server on a real Kestrel port (SQLite) plus Debian's Chromium driven by Playwright.
/// Without FIREBREAK_TEST_CHROMIUM the browser tests skip locally and fail under CI=true.
/// </summary>
public sealed class BrowserFactory : SqliteFactory
{
    private static readonly string? Chromium = Environment.GetEnvironmentVariable("FIREBREAK_TEST_CHROMIUM");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// A page in a fresh browser context; <paramref name="host"/> replaces the server's address (127.0.0.1) in the base URL, same
    /// port; <paramref name="timeZone"/> is the zone the browser says it is in (IANA id; the machine's when null).
    /// </summary>
    public async Task<IPage> NewPageAsync(string? host = null, string? timeZone = null)
    {
        RequiredPart.Require(Chromium is not null, "Chromium is not available (set FIREBREAK_TEST_CHROMIUM, or run scripts/test).", "browser");
        if (_browser is null)
        {
            UseKestrel(0);
            StartServer();
            BaseAddress = CreateClient().BaseAddress!;
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic"],
            });
        }
        var baseUrl = host is null ? BaseAddress : new UriBuilder(BaseAddress) { Host = host }.Uri;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), TimezoneId = timeZone });
        // Two cores shared with a whole test run: give navigations a minute rather than Playwright's 30 s.
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// On the real port the factory's own client follows redirects itself whatever its options say (its innermost
    /// handler is a plain one), so a page client here is built by hand: cookies kept, redirects answered as they come.
    /// The server must be running (after a first <see cref="NewPageAsync"/>).
    /// </summary>
    public override HttpClient CreatePageHttpClient() =>
        new(new CookieContainerHandler { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = BaseAddress };

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
