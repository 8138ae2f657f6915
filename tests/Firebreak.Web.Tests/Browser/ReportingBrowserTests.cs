using System.Text.RegularExpressions;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The whole private-reporting loop in Chromium: a reporter without an account files a report, gets
/// the acknowledgement over real SMTP, opens the portal from the e-mail and replies; a maintainer
/// signs in with password and TOTP, downloads the file the reporter attached, shares one message and keeps one internal. Every Markdown field
/// carries filter-evasion payloads, and no dialog or script error may appear anywhere.
/// </summary>
public partial class ReportingBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    /// <summary>A log whose text would run as script if it were ever shown inline as HTML.</summary>
    private static readonly byte[] WipeLog = "09:00:01 wipe started\n09:00:02 key.bin kept <script>alert('xss-log')</script>\n"u8.ToArray();

    [Fact]
    public async Task Reporter_FilesAndReplies_MaintainerWithTotpShares_InternalNoteStaysInternal()
    {
        MailSink.Require();
        var reporter = await factory.NewPageAsync(); // starts the server on Kestrel before anything else touches it
        var slug = $"rb{Guid.NewGuid():N}"[..12];
        var reporterAddress = $"reporter-{Guid.NewGuid():N}@example.test";
        var maintainerEmail = $"maintainer-{Guid.NewGuid():N}@example.test";
        var key = await CreateMaintainerWithTotpAsync(maintainerEmail);
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, System.Net.HttpStatusCode.Created);

        var problems = HostileContent.Watch(reporter);
        await reporter.GotoAsync($"/p/{slug}/report");
        await reporter.GetByLabel("Title").FillAsync("Panic wipe leaves key.bin behind");
        await reporter.GetByLabel("What you found").FillAsync(HostileContent.Hostile("Trigger panic wipe, then list ~/.vault."));
        await reporter.GetByLabel("Affected versions").FillAsync("< 0.4.2");
        await reporter.GetByLabel("Your e-mail").FillAsync(reporterAddress);
        await reporter.GetByLabel("Credit me by").SelectOptionAsync("handle");
        await reporter.GetByLabel("Name or handle").FillAsync("@finder");
        await reporter.GetByLabel("I agree to be credited").CheckAsync();
        await reporter.GetByLabel("Files").SetInputFilesAsync(new FilePayload { Name = "wipe.log", MimeType = "text/html", Buffer = WipeLog });
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Send the report privately" }).ClickAsync();
        await Assertions.Expect(reporter.GetByRole(AriaRole.Heading, new() { Name = "Report received" })).ToBeVisibleAsync();
        var shownLink = await reporter.Locator("#portal-link").GetAttributeAsync("href");

        var acknowledgement = Assert.Single(await MailSink.WaitForAsync(reporterAddress));
        var mailedLink = PortalLink().Match(acknowledgement.TextBody ?? "").Value;
        Assert.Equal(shownLink, mailedLink);

        await reporter.GotoAsync(mailedLink);
        await Assertions.Expect(reporter.Locator("#attachments")).ToContainTextAsync("wipe.log");
        await reporter.GetByLabel("Reply to the maintainers").FillAsync(HostileContent.Hostile("I can test a fix."));
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(reporter.Locator("#thread")).ToContainTextAsync("I can test a fix.");

        var maintainer = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(maintainer));
        await maintainer.GotoAsync("/account/login");
        await maintainer.GetByLabel("E-mail").FillAsync(maintainerEmail);
        await maintainer.GetByLabel("Password").FillAsync(BrowserSteps.Password);
        await maintainer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await maintainer.WaitForURLAsync("**/account/login/2fa");
        await maintainer.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await maintainer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await maintainer.WaitForURLAsync(new Regex("/$"));
        await maintainer.GetByRole(AriaRole.Link, new() { Name = "Panic wipe leaves key.bin behind" }).ClickAsync();
        await maintainer.Locator("#thread-link").ClickAsync();
        await Assertions.Expect(maintainer.Locator("#thread")).ToContainTextAsync("I can test a fix.");
        await Assertions.Expect(maintainer.Locator("#attachments")).ToContainTextAsync("wipe.log");
        var download = await maintainer.RunAndWaitForDownloadAsync(() => maintainer.GetByRole(AriaRole.Link, new() { Name = "wipe.log" }).ClickAsync());
        Assert.Equal("wipe.log", download.SuggestedFilename);
        Assert.Equal(WipeLog, await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));

        await maintainer.GetByLabel("Message").FillAsync(HostileContent.Hostile("INTERNAL-ONLY: root cause is the wipe order."));
        await maintainer.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Assertions.Expect(maintainer.Locator("#thread")).ToContainTextAsync("INTERNAL-ONLY");
        await maintainer.GetByLabel("Message").FillAsync(HostileContent.Hostile("We reproduced it; a fix is on the way."));
        await maintainer.GetByLabel("Share with the reporter").CheckAsync();
        await maintainer.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        await Assertions.Expect(maintainer.Locator("#thread li")).ToHaveCountAsync(3);

        await reporter.ReloadAsync();
        await Assertions.Expect(reporter.Locator("#thread")).ToContainTextAsync("We reproduced it; a fix is on the way.");
        Assert.DoesNotContain("INTERNAL-ONLY", await reporter.ContentAsync(), StringComparison.Ordinal);
        foreach (var page in new[] { reporter, maintainer })
        {
            Assert.Equal(0, await page.Locator("[href^='javascript:' i], [src^='javascript:' i], iframe, script:not([src])").CountAsync());
        }
        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
    }

    private async Task<string> CreateMaintainerWithTotpAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, BrowserSteps.Password, admin: true);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return (await users.GetAuthenticatorKeyAsync(account))!;
    }

    [GeneratedRegex(@"http://[^\s]+/r/[A-Za-z0-9_-]{43}")]
    private static partial Regex PortalLink();
}
