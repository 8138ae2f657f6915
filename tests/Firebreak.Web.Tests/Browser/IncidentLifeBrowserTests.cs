using System.Globalization;
using System.Net;
using Firebreak.Cli.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// An incident's whole life after its fix, in Chromium, as issue 14 states it: a fix release is recorded and the advisory
/// published; the incident is in its post-mortem with the fix clock met; the public page shows the fixed date and the
/// reporter's portal links to the advisory; a post-mortem is written from its pre-filled timeline, with two action items
/// and a register entry made from it; the board signs it off; the incident is closed, found again among the project's
/// closed incidents, its record downloaded, and `firebreak archive verify` passes on the file.
/// </summary>
public class IncidentLifeBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Advisory = """
        {
          "id": "LIFE-2026-0001", "aliases": ["CVE-2026-80901"], "summary": "Panic wipe leaves the vault key on disk",
          "publisher": { "name": "Springlife", "namespace": "https://springlife.example.org", "category": "vendor" },
          "description": "After a panic wipe the key stays on disk.", "severity": "high",
          "affected": [ { "ecosystem": "crates.io", "name": "springlife-vault", "versions": ["0.4.1"] } ],
          "cwes": [ { "id": "CWE-459" } ],
          "references": [ { "type": "fix", "url": "https://springlife.example.org/commit/abc" } ]
        }
        """;

    [Fact]
    public async Task FromFixReleaseToVerifiedArchive_InChromium()
    {
        var alice = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(alice, "alice-life@example.test");
        var problems = HostileContent.Watch(alice);
        await alice.CreateProjectAsync("springlife", "Springlife");
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var (second, _) = await factory.CreateUserClientAsync(admin: true);
        await api.PostJsonAsync("/api/v1/projects/springlife/members", new { email = "alice-life@example.test", role = "admin" }, HttpStatusCode.NoContent);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync("board-life@example.test", BrowserSteps.Password, admin: false);
        await api.PostJsonAsync("/api/v1/projects/springlife/members", new { email = "board-life@example.test", role = "board" }, HttpStatusCode.NoContent);

        var receipt = await factory.CreateClient().PostJsonAsync("/api/v1/projects/springlife/reports", new
        {
            title = "Vault key survives a panic wipe", description = "details", contact = "finder-life@example.test",
            credit = "handle", creditName = "@finder", consent = true,
        }, HttpStatusCode.Created);
        var token = (string)receipt["token"]!;
        Guid incident;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var project = await db.Projects.SingleAsync(p => p.Slug == "springlife", Ct);
            incident = await db.Incidents.Where(i => i.ProjectId == project.Id).Select(i => i.Id).SingleAsync(Ct);
        }
        await alice.GotoAsync($"/incidents/{incident}");
        await alice.GetByPlaceholder("Add a note to the timeline").FillAsync("Reproduced on 0.4.1 within two hours");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        // The fix release, through the incident page.
        await alice.GetByLabel("Versions (separated by commas or spaces)").FillAsync("0.4.2, v0.4.2-secfix.1");
        await alice.GetByLabel("Tag or release notes (https)").FillAsync("https://example.org/springlife/releases/tag/v0.4.2-secfix.1");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Record release" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#releases")).ToContainTextAsync("0.4.2, v0.4.2-secfix.1");
        await Assertions.Expect(alice.Locator("[data-clock='fix'] .badge")).ToHaveTextAsync("met");

        // A bad link is refused on the page, naming the field, and nothing is recorded.
        await alice.GetByLabel("Versions (separated by commas or spaces)").FillAsync("0.4.3");
        await alice.Locator("#release-url").EvaluateAsync("e => e.type = 'text'");
        await alice.GetByLabel("Tag or release notes (https)").FillAsync("http://example.org/tag");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Record release" }).ClickAsync();
        await Assertions.Expect(alice.Locator(".errors, [role='alert']").First).ToContainTextAsync("url:");
        await Assertions.Expect(alice.Locator("#releases li")).ToHaveCountAsync(1);

        // The advisory, reviewed by a second maintainer and published by the worker.
        using (var content = new StringContent(Advisory, System.Text.Encoding.UTF8, "application/json"))
        using (var saved = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, Ct))
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        await api.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = factory.Clock.GetUtcNow() });
        await second.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PublishDueAdvisories>().ExecuteAsync(Ct);

        await alice.GotoAsync($"/incidents/{incident}");
        await Assertions.Expect(alice.Locator("#stage-badge")).ToHaveTextAsync("post-mortem");
        await Assertions.Expect(alice.Locator("[data-clock='fix'] .badge")).ToHaveTextAsync("met");
        await Assertions.Expect(alice.Locator(".timeline")).ToContainTextAsync("→ post-mortem: advisory LIFE-2026-0001 published");
        var visitor = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(visitor));
        await visitor.GotoAsync("/p/springlife/advisories/LIFE-2026-0001");
        await Assertions.Expect(visitor.Locator("#fixed-date")).ToHaveTextAsync(factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var reporter = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(reporter));
        await reporter.GotoAsync($"/r/{token}");
        await Assertions.Expect(reporter.Locator("#stage")).ToHaveTextAsync("post-mortem");
        await reporter.Locator("#advisory-link").ClickAsync();
        await reporter.WaitForPathAsync("**/p/springlife/advisories/LIFE-2026-0001");
        await Assertions.Expect(reporter.Locator("#reporter-credit")).ToHaveTextAsync("@finder");

        // The post-mortem, from its pre-filled timeline, with two action items and a register entry.
        await alice.Locator("#postmortem-link").ClickAsync();
        await alice.WaitForPathAsync($"**/incidents/{incident}/postmortem");
        await Assertions.Expect(alice.Locator("#pm-timeline")).ToContainTextAsync("Reproduced on 0.4.1 within two hours");
        await Assertions.Expect(alice.Locator("#pm-timeline")).ToContainTextAsync("LIFE-2026-0001");
        await alice.Locator("#s-summary").FillAsync("After a panic wipe **key.bin** stayed on disk.");
        await alice.Locator("#s-root-cause").FillAsync("The wipe walked the vault without dot-directories.");
        await alice.Locator("#pm-save").ClickAsync();
        await Assertions.Expect(alice.Locator("#pm-status")).ToContainTextAsync("version 1");
        var due = factory.Clock.GetUtcNow().AddDays(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        foreach (var (title, owner) in new[] { ("Add a lint for dot-directories", "alice-life@example.test"), ("Property test of the wipe", "alice-life@example.test") })
        {
            await alice.GetByLabel("What to do").FillAsync(title);
            await alice.GetByLabel("Owner").SelectOptionAsync(owner);
            await alice.Locator("#item-due").FillAsync(due);
            await alice.Locator("#item-add").ClickAsync();
            await Assertions.Expect(alice.Locator("#items")).ToContainTextAsync(title);
        }
        await Assertions.Expect(alice.Locator("#items > li")).ToHaveCountAsync(2);
        await alice.Locator("#update-register summary").ClickAsync();
        await Assertions.Expect(alice.Locator("#reg-threat")).ToHaveValueAsync("The wipe walked the vault without dot-directories.");
        await alice.Locator("#register-form input[value=information-disclosure]").CheckAsync();
        await alice.Locator("#reg-asset").FillAsync("vault wipe");
        await alice.Locator("#reg-likelihood").SelectOptionAsync("2");
        await alice.Locator("#reg-impact").SelectOptionAsync("4");
        await alice.Locator("#register-submit").ClickAsync();
        await Assertions.Expect(alice.Locator(".flash")).ToContainTextAsync("RISK-001");

        // The board signs it off.
        var board = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(board));
        await board.GotoAsync("/account/login");
        await board.GetByLabel("E-mail").FillAsync("board-life@example.test");
        await board.GetByLabel("Password").FillAsync(BrowserSteps.Password);
        await board.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await board.WaitForURLAsync("**/");
        await board.GotoAsync($"/incidents/{incident}/postmortem");
        await board.Locator("#pm-signoff").ClickAsync();
        await Assertions.Expect(board.Locator("#signed-off")).ToContainTextAsync("signed off by board-life@example.test");

        // Closed: every pending step skipped with a reason, one item done and one deferred.
        await alice.GotoAsync($"/incidents/{incident}/close");
        var steps = alice.Locator("fieldset.closing-item[data-step]");
        for (var n = await steps.CountAsync() - 1; n >= 0; n--)
        {
            await steps.Nth(n).Locator("input[value=skipped]").CheckAsync();
            await steps.Nth(n).Locator("textarea").FillAsync("done outside the tool during the response");
        }
        var items = alice.Locator("fieldset.closing-item[data-item]");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await items.Nth(0).Locator("input[value=done]").CheckAsync();
        await items.Nth(1).Locator("input[value=deferred]").CheckAsync();
        await items.Nth(1).Locator("textarea").FillAsync("needs the 0.5 refactor");
        await alice.Locator("#close-submit").ClickAsync();
        await alice.WaitForPathAsync($"**/incidents/{incident}");
        await Assertions.Expect(alice.Locator("#stage-badge")).ToHaveTextAsync("closed");

        // Found again among the closed incidents, and its record kept.
        await alice.GotoAsync("/projects/springlife/incidents");
        await alice.Locator("#f-state").SelectOptionAsync("closed");
        await alice.Locator("#incident-filters button[type=submit]").ClickAsync();
        await alice.Locator("#incident-list").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Vault key survives a panic wipe") }).ClickAsync();
        await alice.WaitForPathAsync($"**/incidents/{incident}");
        var download = await alice.RunAndWaitForDownloadAsync(() => alice.Locator("#record-link").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"firebreak-life-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(file);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = Firebreak.Cli.Program.Run(["archive", "verify", file], new CliContext(new StringReader(""), output, error));
            Assert.True(exit == 0, $"archive verify exited {exit}: {output}{error}");
            using var zip = System.IO.Compression.ZipFile.OpenRead(file);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(names, n => n.Contains("postmortem", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal));
            Assert.Contains(names, n => n.Contains("risk", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }
}
