using System.Globalization;
using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The end of a disclosure in Chromium: a maintainer records the fix release through the incident page's form, the
/// advisory is published, the incident shows its post-mortem stage with the fix clock met, the public page shows the
/// fixed date, and the reporter's portal links to the advisory.
/// </summary>
public class ReleaseBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Advisory = """
        {
          "id": "SPR-2026-0801", "aliases": ["CVE-2026-80801"], "summary": "Panic wipe leaves the vault key on disk",
          "publisher": { "name": "Springtale", "namespace": "https://springtale.example.org", "category": "vendor" },
          "description": "After a panic wipe the key stays on disk.", "severity": "high",
          "affected": [ { "ecosystem": "crates.io", "name": "springtale-vault", "versions": ["0.4.1"] } ],
          "cwes": [ { "id": "CWE-459" } ],
          "references": [ { "type": "fix", "url": "https://springtale.example.org/commit/abc" } ]
        }
        """;

    [Fact]
    public async Task FixReleaseRecordedAndAdvisoryPublished_MovesTheIncidentOn_InChromium()
    {
        var alice = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(alice, "alice-release@example.test");
        var problems = HostileContent.Watch(alice);
        await alice.CreateProjectAsync("springrel", "Springtale");

        var receipt = await factory.CreateClient().PostJsonAsync("/api/v1/projects/springrel/reports", new
        {
            title = "Vault key survives a panic wipe", description = "details", contact = "finder-release@example.test",
            credit = "handle", creditName = "@finder", consent = true,
        }, HttpStatusCode.Created);
        var token = (string)receipt["token"]!;
        Guid incident;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var project = await db.Projects.SingleAsync(p => p.Slug == "springrel", Ct);
            incident = await db.Incidents.Where(i => i.ProjectId == project.Id).Select(i => i.Id).SingleAsync(Ct);
        }
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var (second, _) = await factory.CreateUserClientAsync(admin: true);
        if (MailSink.Smtp is not null)
        {
            for (var i = 0; i < 200 && (await api.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("acknowledgement")["stoppedAt"] is null; i++)
                await Task.Delay(100, Ct);
        }

        // The maintainer records the release on the incident page: no JSON, no id typed.
        await alice.GotoAsync($"/incidents/{incident}");
        await Assertions.Expect(alice.Locator("#no-releases")).ToBeVisibleAsync();
        await alice.GetByLabel("Versions (separated by commas or spaces)").FillAsync("0.4.2, v0.4.2-secfix.1");
        await alice.GetByLabel("Tag or release notes (https)").FillAsync("https://example.org/springtale/releases/tag/v0.4.2-secfix.1");
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

        // The advisory is written, reviewed by a second maintainer, and published by the worker.
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
        await Assertions.Expect(alice.Locator(".timeline")).ToContainTextAsync("→ post-mortem: advisory SPR-2026-0801 published");

        var day = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var visitor = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(visitor));
        await visitor.GotoAsync("/p/springrel/advisories/SPR-2026-0801");
        await Assertions.Expect(visitor.Locator("#fixed-date")).ToHaveTextAsync(day);

        var reporter = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(reporter));
        await reporter.GotoAsync($"/r/{token}");
        await Assertions.Expect(reporter.Locator("#stage")).ToHaveTextAsync("post-mortem");
        await reporter.Locator("#advisory-link").ClickAsync();
        await reporter.WaitForPathAsync("**/p/springrel/advisories/SPR-2026-0801");
        await Assertions.Expect(reporter.Locator("#reporter-credit")).ToHaveTextAsync("@finder");

        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }
}
