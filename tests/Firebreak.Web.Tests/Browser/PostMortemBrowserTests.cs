using System.Globalization;
using System.Net;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The post-mortem in Chromium: a maintainer finds its timeline pre-filled from the incident, curates it (hides the
/// opening, annotates a note, adds a call that happened outside), previews and saves the sections, adds two action items
/// owned by members, and the board member signs it off; the items show on the dashboard and the project page, and the
/// Markdown export downloads.
/// </summary>
public class PostMortemBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostMortemWrittenFromThePrefilledTimeline_WithTwoActionItems_IsSignedOffByTheBoard_InChromium()
    {
        var alice = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(alice, "alice-pm@example.test");
        var problems = HostileContent.Watch(alice);
        await alice.CreateProjectAsync("springpm", "Springtale");
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await api.PostJsonAsync("/api/v1/projects/springpm/members", new { email = "alice-pm@example.test", role = "admin" }, HttpStatusCode.NoContent);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync("board-pm@example.test", BrowserSteps.Password, admin: false);
        await api.PostJsonAsync("/api/v1/projects/springpm/members", new { email = "board-pm@example.test", role = "board" }, HttpStatusCode.NoContent);

        await alice.OpenIncidentAsync("springpm", "vulnerability-report", "Vault key survives a panic wipe", "high");
        var incident = alice.Url.Split('/')[^1];
        await alice.GetByPlaceholder("Add a note to the timeline").FillAsync("Reproduced on 0.4.1 within two hours");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await api.PatchJsonAsync($"/api/v1/incidents/{incident}", new { stage = "post-mortem" });

        await alice.GotoAsync($"/incidents/{incident}");
        await alice.Locator("#postmortem-link").ClickAsync();
        await alice.WaitForPathAsync($"**/incidents/{incident}/postmortem");
        var timeline = alice.Locator("#pm-timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Opened vulnerability-report incident");
        await Assertions.Expect(timeline).ToContainTextAsync("Reproduced on 0.4.1 within two hours");
        await Assertions.Expect(alice.Locator("#pm-clock .badge")).ToHaveTextAsync("running");

        await alice.Locator("#s-summary").FillAsync("After a panic wipe **key.bin** stayed on disk.");
        await alice.Locator("#s-root-cause").FillAsync("The wipe walked the vault without dot-directories.");
        await alice.Locator("#s-went-well").FillAsync("The reporter's steps reproduced at once.");
        await alice.Locator("[data-event='timeline-1'] input[type=checkbox]").CheckAsync();
        var noteEvent = timeline.Locator("li", new() { HasText = "Reproduced on 0.4.1" });
        await noteEvent.Locator("input[name^='Annotations']").FillAsync("The first reproduction: two hours in.");
        var when = factory.Clock.GetUtcNow().AddHours(-3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await alice.Locator("#out-at-0").FillAsync(when);
        await alice.Locator("#out-text-0").FillAsync("The reporter called the security line");
        await alice.Locator("#pm-preview").ClickAsync();
        await Assertions.Expect(alice.Locator("#preview-summary strong")).ToHaveTextAsync("key.bin");
        await alice.Locator("#pm-save").ClickAsync();
        await Assertions.Expect(alice.Locator("#pm-status")).ToContainTextAsync("version 1");
        await Assertions.Expect(alice.Locator("[data-event='outside-1']")).ToContainTextAsync("The reporter called the security line");
        await Assertions.Expect(alice.Locator("[data-event='timeline-1'] input[type=checkbox]")).ToBeCheckedAsync();

        var due = factory.Clock.GetUtcNow().AddDays(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        foreach (var (title, owner) in new[] { ("Add a lint for dot-directories", "alice-pm@example.test"), ("Property test of the wipe", "board-pm@example.test") })
        {
            await alice.GetByLabel("What to do").FillAsync(title);
            await alice.GetByLabel("Owner").SelectOptionAsync(owner);
            await alice.Locator("#item-due").FillAsync(due);
            await alice.GetByLabel("Issue or pull request (https, optional)").FillAsync("https://example.org/springtale/issues/7");
            await alice.Locator("#item-add").ClickAsync();
            await Assertions.Expect(alice.Locator("#items")).ToContainTextAsync(title);
        }
        await Assertions.Expect(alice.Locator("#items > li")).ToHaveCountAsync(2);
        foreach (var width in new[] { 1280, 390 })
        {
            await alice.SetViewportSizeAsync(width, 900);
            await alice.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"postmortem-{width}.png"), FullPage = true });
        }
        await alice.SetViewportSizeAsync(1280, 900);

        var download = await alice.RunAndWaitForDownloadAsync(() => alice.Locator("#export-markdown").ClickAsync());
        var markdown = await File.ReadAllTextAsync(await download.PathAsync(), Ct);
        Assert.Equal("springpm-1-postmortem.md", download.SuggestedFilename);
        Assert.Contains("## Root cause\n\nThe wipe walked the vault without dot-directories.", markdown, StringComparison.Ordinal);
        Assert.Contains("  > The first reproduction: two hours in.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Opened vulnerability-report incident", markdown, StringComparison.Ordinal);

        await alice.GotoAsync("/");
        await Assertions.Expect(alice.Locator("#my-followups")).ToContainTextAsync("Add a lint for dot-directories");
        await Assertions.Expect(alice.Locator("#my-followups")).Not.ToContainTextAsync("Property test of the wipe");
        await alice.GotoAsync("/projects/springpm/settings");
        await Assertions.Expect(alice.Locator("#open-followups > li")).ToHaveCountAsync(2);

        var board = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(board));
        await board.GotoAsync("/account/login");
        await board.GetByLabel("E-mail").FillAsync("board-pm@example.test");
        await board.GetByLabel("Password").FillAsync(BrowserSteps.Password);
        await board.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await board.WaitForURLAsync("**/");
        await Assertions.Expect(board.Locator("#my-followups")).ToContainTextAsync("Property test of the wipe");
        await board.GotoAsync($"/incidents/{incident}/postmortem");
        await Assertions.Expect(board.Locator("#pm-form")).ToHaveCountAsync(0); // the board reads and signs; it does not write
        await Assertions.Expect(board.Locator("#h-summary + .markdown strong")).ToHaveTextAsync("key.bin");
        await Assertions.Expect(board.Locator("#pm-timeline")).Not.ToContainTextAsync("Opened vulnerability-report incident");
        await board.Locator("#pm-signoff").ClickAsync();
        await Assertions.Expect(board.Locator("#signed-off")).ToContainTextAsync("signed off by board-pm@example.test");
        await Assertions.Expect(board.Locator("#pm-clock .badge")).ToHaveTextAsync("met");

        await alice.GotoAsync($"/incidents/{incident}/postmortem");
        await Assertions.Expect(alice.Locator("#pm-form")).ToHaveCountAsync(0); // signed off: the record no longer changes
        await alice.GotoAsync($"/incidents/{incident}");
        await Assertions.Expect(alice.Locator("#followups > li")).ToHaveCountAsync(2);
        await Assertions.Expect(alice.Locator("[data-clock='post-mortem'] .badge")).ToHaveTextAsync("met");

        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }
}
