using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;
using Firebreak.Web.Tests.Intake;

namespace Firebreak.Web.Tests.Pages.LinkWalk;

/// <summary>Someone who walks the site: signed in with a role (or not), where they start, and what the role table gives them;
/// <paramref name="Email"/> is the account they signed in with (password "correct horse battery"), so a browser can sign in as them too.</summary>
internal sealed record Walker(string Name, PageClient Client, string[] Start, string? Role, bool InstanceAdmin, bool Collaborator, string? Email = null);

/// <summary>
/// A realistic instance, seeded once per server: one project with security contacts and a member in every role, an
/// incident collaborator, a report from the public form with a thread (shared and internal messages, a reply, a file)
/// whose advisory is published, a second vulnerability with a draft advisory, a leaked credential and an internal
/// incident, and a watched lockfile. Everyone walks from "/"; the collaborator also from the incident they were
/// invited to (their link by mail), the anonymous visitor from the project's policy and the reporter's private link.
/// </summary>
internal sealed class WalkInstance
{
    private static readonly ConcurrentDictionary<FirebreakFactory, Lazy<Task<WalkInstance>>> Seeded = new();

    public required SiteMap Map { get; init; }
    public required IReadOnlyDictionary<string, Walker> Walkers { get; init; }

    public static Task<WalkInstance> ForAsync(FirebreakFactory factory) =>
        Seeded.GetOrAdd(factory, f => new Lazy<Task<WalkInstance>>(() => SeedAsync(f))).Value;

    private static async Task<WalkInstance> SeedAsync(FirebreakFactory factory)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var (second, _) = await factory.CreateUserClientAsync(admin: true); // approves what the first asks to review
        var slug = $"walk-{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new
        {
            slug, name = "Link walk", repositoryUrl = "https://example.org/walk", securityContacts = new[] { "security@walk.example" },
        }, HttpStatusCode.Created);

        var report = new { title = "Panic wipe leaves the vault key on disk", description = "Steps in the log.", contact = "finder@walk.example",
            credit = "handle", creditName = "@finder", consent = true };
        using var sent = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative),
            AttachmentApiTests.Multipart(report, ("wipe.log", "wipe started\nkey.bin kept\n"u8.ToArray())), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var token = (string)JsonNode.Parse(await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["token"]!;
        var reported = (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        await api.PostJsonAsync($"/api/v1/incidents/{reported}/messages", new { body = "Thanks, we can reproduce it.", shared = true }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/incidents/{reported}/messages", new { body = "Internal: the fix is in review.", shared = false }, HttpStatusCode.Created);
        using (var reply = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/messages") { Content = System.Net.Http.Json.JsonContent.Create(new { body = "Glad to help." }) })
        {
            reply.Headers.Add("X-Reporter-Token", token);
            using var replied = await factory.CreateClient().SendAsync(reply, TestContext.Current.CancellationToken);
            Assert.True(replied.IsSuccessStatusCode, $"portal reply: {(int)replied.StatusCode}");
        }

        var vulnerability = await OpenAsync(api, slug, "vulnerability-report", "Path traversal in the archive reader", "high");
        await OpenAsync(api, slug, "leaked-credential", "A deploy token in a CI log", "critical");
        await OpenAsync(api, slug, "other", "Review the fuzzing corpus", "low");
        await SaveAdvisoryAsync(api, reported, "WALK-2026-0001", "CVE-2026-40001");
        await SaveAdvisoryAsync(api, vulnerability, "WALK-2026-0002", "CVE-2026-40002");
        await api.PostJsonAsync($"/api/v1/incidents/{reported}/advisory/review", new { publishAt = factory.Clock.GetUtcNow().AddMinutes(1) });
        await second.PostJsonAsync($"/api/v1/incidents/{reported}/advisory/approve", new { });
        factory.Clock.Advance(TimeSpan.FromMinutes(2)); // public from now on, on every surface
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
        {
            title = "Archive reader walks out of its folder", categories = new[] { "tampering", "elevation-of-privilege" }, asset = "walk-archive",
            threat = "A crafted path in an archive", likelihood = 3, impact = 4, mitigations = "Normalise paths", owner = "@walker",
            incidents = new[] { 2 },
        }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
        {
            title = "Old mirror keeps TLS 1.0", categories = new[] { "I" }, asset = "download mirror", threat = "Downgrade", likelihood = 2, impact = 2,
            status = "accepted", acceptedUntil = "2026-01-01", acceptedBy = "The board", // past: the register and the dashboard ask for review
        }, HttpStatusCode.Created);
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/manifests", new
        {
            name = "package-lock.json", releasePath = true,
            content = """{"name": "app", "lockfileVersion": 3, "packages": {"": {"name": "app"}, "node_modules/left-pad": {"version": "1.3.0"}}}""",
        }, HttpStatusCode.OK);

        var instanceAdmin = $"instance-admin-{Guid.NewGuid():N}@walk.example";
        var walkers = new List<Walker> { new("instance admin", await PageClient.SignInAsync(factory, admin: true, instanceAdmin), ["/"], null, true, false, instanceAdmin) };
        foreach (var role in RoleSpecRoles)
        {
            var email = $"{role}-{Guid.NewGuid():N}@walk.example";
            var client = await PageClient.SignInAsync(factory, admin: false, email);
            await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role }, HttpStatusCode.NoContent);
            walkers.Add(new(role, client, ["/"], role, false, false, email));
            if (role == "admin") await PostMortemAsync(api, factory, reported, email);
        }
        var invited = $"collaborator-{Guid.NewGuid():N}@walk.example";
        var collaborator = await PageClient.SignInAsync(factory, admin: false, invited);
        await api.PostJsonAsync($"/api/v1/incidents/{reported}/collaborators", new { email = invited }, HttpStatusCode.NoContent);
        walkers.Add(new("collaborator", collaborator, ["/", $"/incidents/{reported}"], null, false, true, invited));
        var anonymous = new PageClient(factory.CreatePageHttpClient());
        walkers.Add(new("anonymous", anonymous, ["/", $"/p/{slug}/policy", $"/r/{token}"], null, false, false));
        return new() { Map = await SiteMap.LoadAsync(factory.Services), Walkers = walkers.ToDictionary(w => w.Name) };
    }

    /// <summary>A written post-mortem with an outside event and an action item owned by a member, so its page, exports and lists have content.</summary>
    private static async Task PostMortemAsync(HttpClient api, FirebreakFactory factory, string incident, string owner)
    {
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{incident}/postmortem", new
        {
            version = 0,
            sections = new Dictionary<string, string> { ["summary"] = "The wipe kept **key.bin**.", ["root-cause"] = "Dot-directories were skipped." },
            regressionTestUrl = "https://example.org/walk/pull/9",
            curation = new { hidden = new[] { "timeline-1" }, outsideEvents = new[] { new { at = factory.Clock.GetUtcNow().AddHours(-1), text = "Reporter called" } } },
        }, HttpStatusCode.OK);
        await api.PostJsonAsync($"/api/v1/incidents/{incident}/action-items",
            new { title = "Lint for dot-directories", owner, dueAt = factory.Clock.GetUtcNow().AddDays(20), link = "https://example.org/walk/issues/3" }, HttpStatusCode.Created);
    }

    /// <summary>Every project role of the role table (Authorization/RoleSpec).</summary>
    public static readonly string[] RoleSpecRoles = ["admin", "triage-owner", "incident-manager", "release-engineer", "reviewer", "board"];

    private static async Task<string> OpenAsync(HttpClient api, string slug, string kind, string title, string severity) =>
        (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind, title, severity }, HttpStatusCode.Created))["id"]!;

    private static async Task SaveAdvisoryAsync(HttpClient api, string incident, string id, string cve)
    {
        var json = $$"""
            {
              "id": "{{id}}", "aliases": ["{{cve}}"], "summary": "Walk advisory {{id}}",
              "description": "Found by the link walk's seed.",
              "publisher": { "name": "Link walk", "namespace": "https://example.org/walk", "category": "vendor" },
              "affected": [ { "ecosystem": "npm", "name": "walk-archive",
                              "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "1.0.0" }, { "fixed": "1.4.2" } ] } ] } ],
              "credits": [ { "type": "reporter", "name": "@finder", "consent": true } ],
              "severity": "high", "references": [ { "type": "fix", "url": "https://example.org/walk/fix" } ]
            }
            """;
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"advisory {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }
}
