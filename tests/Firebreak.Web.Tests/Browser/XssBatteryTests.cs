using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The XSS battery (issue 12 part 5): the filter-evasion vectors of <see cref="XssPayloads"/> are put through the real
/// API into every field a page renders — the project's name and policy text, a public report's title, description,
/// versions and credit, thread messages shared and internal, the reporter's reply, incident titles, summaries and
/// notes, playbook step evidence, advisory text, packages, references and credits — and then every page reachable from
/// "/" by an instance administrator, and the public and portal pages by an anonymous visitor, is rendered in Chromium
/// with a hook defined before any page script. No vector may run anywhere; and the vectors must really be on the pages
/// (shown as text), or the test proves nothing.
/// </summary>
public class XssBatteryTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    private const int MaxPages = 90;

    [Fact]
    public async Task EveryRenderedField_CarryingFilterEvasionVectors_RunsNoScriptOnAnyPage()
    {
        var admin = await factory.NewPageAsync(); // starts the server on Kestrel
        var (slug, token, incident) = await SeedAsync();

        await admin.Context.AddInitScriptAsync(XssPayloads.Hook);
        var dialogs = new List<string>();
        admin.Dialog += (_, d) => { dialogs.Add($"{admin.Url}: dialog {d.Message}"); _ = d.DismissAsync(); };
        var adminEmail = $"xss-admin-{Guid.NewGuid():N}@example.test";
        await factory.SignInAsNewAdminAsync(admin, adminEmail);
        await NotifyAsync(slug, adminEmail); // their inbox and the dashboard's "waiting for you" carry hostile titles
        await CompleteFirstStepAsync(admin, incident); // playbook evidence goes in through the page's own form
        var adminWalk = await WalkAsync(admin, ["/", $"/projects/{slug}/settings", $"/projects/{slug}/intake", "/admin/outbox", $"/incidents/{incident}/postmortem",
            $"/projects/{slug}/risks", $"/projects/{slug}/risks/new?incident={incident}", $"/projects/{slug}", $"/projects/{slug}/incidents?state=all",
            $"/projects/{slug}/incidents?state=all&q=fbx", $"/incidents/{incident}/close",
            "/inbox", "/account/notifications", $"/projects/{slug}/chat", "/admin/chat",
            $"/projects/{slug}/cve", $"/incidents/{incident}/cve",
            $"/projects/{slug}/metrics", $"/projects/{slug}/cna", "/admin/metrics"]);

        var visitor = await factory.NewPageAsync();
        await visitor.Context.AddInitScriptAsync(XssPayloads.Hook);
        visitor.Dialog += (_, d) => { dialogs.Add($"{visitor.Url}: dialog {d.Message}"); _ = d.DismissAsync(); };
        var visitorWalk = await WalkAsync(visitor, [$"/p/{slug}/policy", $"/p/{slug}/report", $"/r/{token}", $"/p/{slug}/advisories"]);

        var fired = adminWalk.Fired.Concat(visitorWalk.Fired).Concat(dialogs).ToList();
        var figures = $"pages rendered: {adminWalk.Pages} as administrator, {visitorWalk.Pages} anonymously; pages showing vectors as text: " +
                      $"{adminWalk.PagesWithVectors + visitorWalk.PagesWithVectors}; vectors: {XssPayloads.All.Length}";
        TestContext.Current.SendDiagnosticMessage(figures);
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(fired.Count == 0, $"{figures}\nscript ran:\n{string.Join("\n", fired.Distinct().Take(40))}");
        Assert.True(adminWalk.Pages >= 15, figures);
        Assert.True(adminWalk.PagesWithVectors >= 8, figures);
        Assert.True(visitorWalk.PagesWithVectors >= 2, figures);
    }

    private sealed record Walk(int Pages, int PagesWithVectors, List<string> Fired);

    /// <summary>Renders every same-site page reachable by links from the starts (at most <see cref="MaxPages"/>), collecting what the hook saw.</summary>
    private static async Task<Walk> WalkAsync(IPage page, string[] starts)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var fired = new List<string>();
        int pages = 0, withVectors = 0;
        while (queue.Count > 0 && pages < MaxPages)
        {
            var path = queue.Dequeue();
            IResponse? response;
            try
            {
                response = await page.GotoAsync(path);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                continue; // an export or download link: a file, not a page (the browser renders nothing)
            }
            pages++;
            // Let handlers that would fire late (autofocus, toggles, animations, failed image loads) have their chance.
            await page.WaitForLoadStateAsync(LoadState.Load);
            await page.WaitForTimeoutAsync(150);
            foreach (var f in await page.EvaluateAsync<string[]>("() => window.__xssFired ?? []")) fired.Add($"{path}: {f}");
            var text = await page.Locator("body").InnerTextAsync();
            if (text.Contains("fbx(", StringComparison.Ordinal)) withVectors++;
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))) continue;
            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)"))
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var link) || link.Authority != new Uri(page.Url).Authority) continue;
                var next = link.PathAndQuery;
                if (next.Contains("/attachments/", StringComparison.Ordinal) || next.Contains("logout", StringComparison.OrdinalIgnoreCase)
                    || next.EndsWith(".json", StringComparison.Ordinal) || next.EndsWith(".txt", StringComparison.Ordinal) || next.StartsWith("/api/", StringComparison.Ordinal)
                    || next.Contains("/lib/", StringComparison.Ordinal) || next.Contains("/css/", StringComparison.Ordinal) || next.Contains("/js/", StringComparison.Ordinal))
                    continue;
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }
        return new Walk(pages, withVectors, fired);
    }

    /// <summary>One project with the vectors in every field the API takes, through the API an operator and a reporter use.</summary>
    private async Task<(string Slug, string Token, string Incident)> SeedAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"xss{Guid.NewGuid():N}"[..12];
        await api.PostJsonAsync("/api/v1/projects", new
        {
            slug, name = XssPayloads.Line("Project", 0, 100), repositoryUrl = "https://example.org/xss", securityContacts = new[] { "security@xss.example" },
        }, HttpStatusCode.Created);
        var project = await api.GetJsonAsync($"/api/v1/projects/{slug}");
        var policy = project["policy"]!.AsObject();
        var i = 0;
        foreach (var row in policy["severityTable"]!.AsArray()) row!["examples"] = XssPayloads.Line("Examples", i += 7, 300);
        var holders = policy["roleHolders"]!.AsObject();
        foreach (var key in holders.Select(h => h.Key).ToList()) holders[key] = XssPayloads.Line("Holder", i += 5, 120);
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/policy", policy, HttpStatusCode.OK);

        var report = await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports", new
        {
            title = XssPayloads.Line("Report", 3, 150), description = XssPayloads.Block("Report body"), affectedVersions = XssPayloads.Line("< 1.0", 19, 100),
            contact = "finder@xss.example", credit = "handle", creditName = XssPayloads.Line("@finder", 37, 80), consent = true,
        }, HttpStatusCode.Created);
        var token = (string)report["token"]!;
        var reported = (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        await api.PostJsonAsync($"/api/v1/incidents/{reported}/messages", new { body = XssPayloads.Block("Shared message"), shared = true }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/incidents/{reported}/messages", new { body = XssPayloads.Block("Internal note"), shared = false }, HttpStatusCode.Created);
        using (var reply = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/messages") { Content = System.Net.Http.Json.JsonContent.Create(new { body = XssPayloads.Block("Reporter reply") }) })
        {
            reply.Headers.Add("X-Reporter-Token", token);
            using var replied = await factory.CreateClient().SendAsync(reply, TestContext.Current.CancellationToken);
            Assert.True(replied.IsSuccessStatusCode, $"portal reply: {(int)replied.StatusCode}");
        }

        var opened = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new
        {
            kind = "leaked-credential", title = XssPayloads.Line("Incident", 8, 150), summary = XssPayloads.Block("Incident summary"), severity = "high",
        }, HttpStatusCode.Created);
        var incident = (string)opened["id"]!;
        await api.SendJsonAsync(HttpMethod.Patch, $"/api/v1/incidents/{incident}", new { note = XssPayloads.Block("Incident note"), summary = XssPayloads.Block("Changed summary") }, HttpStatusCode.OK);
        await api.SendJsonAsync(HttpMethod.Patch, $"/api/v1/incidents/{reported}", new { note = XssPayloads.Block("Report note") }, HttpStatusCode.OK);
        await SaveAdvisoryAsync(api, reported);
        await DeliverHostileHooksAsync(api, slug);
        await PostMortemAsync(api, slug, incident);
        await ChatChannelsAsync(api, slug);
        var number = (int)(await api.GetJsonAsync($"/api/v1/incidents/{incident}"))["number"]!;
        for (var r = 0; r < 2; r++)
        {
            await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
            {
                title = XssPayloads.Line("Risk", 41 + r, 200), categories = new[] { "S", "I" }, asset = XssPayloads.Line("Asset", 43 + r, 200),
                threat = XssPayloads.Line("Threat", 45 + r, 3900), likelihood = 3, impact = 4, mitigations = XssPayloads.Line("Mitigations", 47 + r, 3900),
                owner = XssPayloads.Line("Owner", 49 + r, 200), incidents = new[] { number },
                status = r == 0 ? "accepted" : "transferred", acceptedUntil = r == 0 ? "2026-01-01" : null, // past: the dashboard lists it too
                acceptedBy = r == 0 ? XssPayloads.Line("Accepted by", 51, 200) : null, transferredTo = r == 1 ? XssPayloads.Line("Party", 52, 200) : null,
            }, HttpStatusCode.Created);
        }
        return (slug, token, incident);
    }

    /// <summary>Makes the walking administrator the project's triage owner and opens a Critical incident with a hostile title: notices for them.</summary>
    private async Task NotifyAsync(string slug, string email)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "triage-owner" }, HttpStatusCode.NoContent);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new
        {
            kind = "leaked-credential", title = XssPayloads.Line("Notified", 53, 150), severity = "critical",
        }, HttpStatusCode.Created);
    }

    /// <summary>Chat channels whose names carry vectors; a test message each, so the deliveries page lists them with the failure (".invalid" never resolves).</summary>
    private static async Task ChatChannelsAsync(HttpClient api, string slug)
    {
        foreach (var (kind, n) in new[] { ("webhook", 53), ("slack", 54) })
        {
            var created = await api.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels",
                new { kind, name = new string([.. XssPayloads.Line("Channel", n, 100).Where(c => !char.IsControl(c))]), url = "https://hooks.xss.invalid/x", @private = n == 53 }, HttpStatusCode.Created);
            var result = await api.PostJsonAsync($"/api/v1/projects/{slug}/chat-channels/{created["channel"]!["id"]}/test", new { });
            Assert.False((bool)result["delivered"]!);
        }
    }

    /// <summary>Signed GitHub deliveries whose action, secret type and repository carry vectors: the integrations page lists them, the incident shows the type.</summary>
    private async Task DeliverHostileHooksAsync(HttpClient api, string slug)
    {
        var secret = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/integrations/github", new { }))["secret"]!;
        foreach (var action in new[] { XssPayloads.Line("Action", 2, 60), "created" })
        {
            var body = System.Text.Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject
            {
                ["action"] = action,
                ["alert"] = new System.Text.Json.Nodes.JsonObject { ["number"] = 7, ["secret_type"] = XssPayloads.Line("Secret type", 4, 150), ["validity"] = XssPayloads.Line("Validity", 6, 100) },
                ["repository"] = new System.Text.Json.Nodes.JsonObject { ["id"] = 9, ["full_name"] = XssPayloads.Line("Repository", 8, 100) },
            }.ToJsonString());
            var (status, _) = await Integrations.HookSender.PostAsync(factory.CreateClient(), $"/hooks/github/{slug}", "secret_scanning_alert",
                $"xss-{Guid.NewGuid():N}", body, Integrations.HookSender.Sign(secret, body));
            Assert.True(status is 200 or 202, $"hostile delivery answered {status}");
        }
    }

    /// <summary>A post-mortem whose every section, annotation and outside event carries vectors, and action items whose title and reason do.</summary>
    private async Task PostMortemAsync(HttpClient api, string slug, string incident)
    {
        var (_, owner) = await factory.CreateUserClientAsync(admin: false);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = owner, role = "admin" }, HttpStatusCode.NoContent);
        var sections = new[] { "summary", "impact", "user-safety-impact", "root-cause", "contributing-factors", "detection", "went-well", "went-badly",
            "got-lucky", "regression-test", "plan-changes" }.Select((k, n) => (k, n)).ToDictionary(x => x.k, x => XssPayloads.Block($"Post-mortem {x.k} {x.n}"));
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{incident}/postmortem", new
        {
            version = 0, sections,
            curation = new
            {
                annotations = new Dictionary<string, string> { ["timeline-1"] = XssPayloads.Line("Annotation", 11, 300) },
                outsideEvents = new[] { new { at = factory.Clock.GetUtcNow().AddHours(-2), text = XssPayloads.Line("Outside event", 13, 300) } },
            },
        }, HttpStatusCode.OK);
        var item = await api.PostJsonAsync($"/api/v1/incidents/{incident}/action-items",
            new { title = XssPayloads.Line("Action item", 17, 250), owner, dueAt = factory.Clock.GetUtcNow().AddDays(9) }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/incidents/{incident}/action-items",
            new { title = XssPayloads.Line("Open item", 23, 250), owner, dueAt = factory.Clock.GetUtcNow().AddDays(5) }, HttpStatusCode.Created);
        await api.PatchJsonAsync($"/api/v1/action-items/{item["id"]}", new { status = "wont-do", reason = XssPayloads.Line("Reason", 29, 1500) });
    }

    /// <summary>Completes the incident's first actionable step through its form, every free-text evidence field carrying vectors.</summary>
    private static async Task CompleteFirstStepAsync(IPage page, string incident)
    {
        await page.GotoAsync($"/incidents/{incident}");
        var form = page.Locator("li.step.actionable").First.Locator("form.step-form");
        foreach (var input in await form.Locator("input[type=url]").AllAsync()) await input.FillAsync("https://example.org/evidence");
        var n = 0;
        foreach (var text in await form.Locator("textarea, input[type=text]").AllAsync()) await text.FillAsync(XssPayloads.Line("Evidence", n += 9, 300));
        foreach (var select in await form.Locator("select").AllAsync())
            await select.SelectOptionAsync((await select.Locator("option").Nth(1).GetAttributeAsync("value"))!);
        await form.GetByRole(AriaRole.Button, new() { Name = "Complete step" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Completed");
    }

    private static async Task SaveAdvisoryAsync(HttpClient api, string incident)
    {
        var advisory = new JsonObject
        {
            ["id"] = "XSS-2026-0001",
            ["aliases"] = new JsonArray("CVE-2026-49999"),
            ["summary"] = XssPayloads.Line("Advisory summary", 13, 200),
            ["description"] = XssPayloads.Block("Advisory description"),
            ["publisher"] = new JsonObject { ["name"] = XssPayloads.Line("Publisher", 21, 100), ["namespace"] = "https://example.org/xss", ["category"] = "vendor" },
            ["affected"] = new JsonArray(new JsonObject
            {
                ["ecosystem"] = "npm", ["name"] = "xss-archive",
                ["ranges"] = new JsonArray(new JsonObject { ["type"] = "SEMVER", ["events"] = new JsonArray(new JsonObject { ["introduced"] = "1.0.0" }, new JsonObject { ["fixed"] = "1.4.2" }) }),
            }),
            ["references"] = new JsonArray(new JsonObject { ["type"] = "WEB", ["url"] = "https://example.org/xss?q=\"><script>fbx(99)</script>" }),
            ["credits"] = new JsonArray(new JsonObject { ["type"] = "reporter", ["name"] = XssPayloads.Line("@finder", 29, 100), ["consent"] = true }),
        };
        using var content = new StringContent(advisory.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"advisory: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }
}
