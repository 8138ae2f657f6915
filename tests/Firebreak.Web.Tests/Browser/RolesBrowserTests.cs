using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// One role vocabulary in the browser (issue 13): a maintainer adds a role of the project's own, names a member for
/// it and for a built-in role from lists of members (no free text), takes the runbook's severity examples as a preset, keeps what was typed when a save is refused,
/// and on an incident sees who each playbook step falls to and gives a role to someone else from a list.
/// </summary>
public class RolesBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task Roles_AreOneSet_EveryStepShowsItsPerson_AndAssignmentsArePickedFromMembers()
    {
        var page = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(page, "alice-roles@example.test");
        var bob = await factory.NewPageAsync();
        await factory.SignInAsNewAccountAsync(bob, "bob-roles@example.test", admin: false);

        await page.CreateProjectAsync("rolesweb", "Roles");
        await page.Locator("#member").FillAsync("bob-roles@example.test");
        await page.Locator("#member-role").SelectOptionAsync("reviewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("bob-roles@example.test · reviewer");

        // Neutral examples by default; the runbook's table is one click away and keeps the deadlines.
        await Assertions.Expect(page.Locator("#ex-critical")).Not.ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Vault"));
        await page.Locator("#fa-critical").FillAsync("2h");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "The runbook's examples" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ex-critical")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Vault key extraction"));
        await Assertions.Expect(page.Locator("#fa-critical")).ToHaveValueAsync("2h");

        // The six built-in roles are there; a role of the project's own joins them.
        Assert.Equal(["admin", "triage-owner", "incident-manager", "release-engineer", "reviewer", "board"],
            await page.Locator("#role-holders select").EvaluateAllAsync<string[]>("ss => ss.map(s => s.id.slice(5))"));
        await page.Locator("#added-roles").FillAsync("crypto-reviewer: Reviews changes that touch cryptography");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#role-crypto-reviewer")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#role-crypto-reviewer-d")).ToHaveTextAsync("Reviews changes that touch cryptography");
        await page.Locator("#role-crypto-reviewer").SelectOptionAsync("bob-roles@example.test");
        await page.Locator("#role-release-engineer").SelectOptionAsync("alice-roles@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#role-crypto-reviewer")).ToHaveValueAsync("bob-roles@example.test");
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("bob-roles@example.test · reviewer · named crypto reviewer");

        // A bad role name says what a role name is, and keeps what was typed.
        await page.Locator("#added-roles").FillAsync("crypto-reviewer: Reviews cryptography\nLegal Counsel");
        await page.Locator("#fix").FillAsync("10d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("Added roles, line 2: 'Legal Counsel' is not a role name");
        await Assertions.Expect(page.Locator("#added-roles")).ToHaveValueAsync("crypto-reviewer: Reviews cryptography\nLegal Counsel");
        await Assertions.Expect(page.Locator("#fix")).ToHaveValueAsync("10d"); // the rest of the form as typed, too
        await Assertions.Expect(page.Locator("#role-crypto-reviewer")).ToHaveValueAsync("bob-roles@example.test");

        // On an incident every step says who it falls to; a role is given to someone else from a list of members.
        await page.OpenIncidentAsync("rolesweb", "vulnerability-report", "Nonce reuse in sealed boxes", "high");
        var verify = page.Locator("li.step[data-step='independent-validation'] .step-role");
        await Assertions.Expect(verify).ToHaveTextAsync("reviewer: bob-roles@example.test");
        await Assertions.Expect(page.Locator("li.step[data-step='patch-release'] .step-role"))
            .ToContainTextAsync("release engineer: alice-roles@example.test");
        Assert.Contains("crypto-reviewer", await page.Locator("form.assignments select").EvaluateAllAsync<string[]>("ss => ss.map(s => s.id.slice(3))"));
        await page.Locator("#as-reviewer").SelectOptionAsync("alice-roles@example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assignments" }).ClickAsync();
        await Assertions.Expect(verify).ToHaveTextAsync("reviewer: alice-roles@example.test");
        await Assertions.Expect(page.Locator("#as-reviewer")).ToHaveValueAsync("alice-roles@example.test");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Assigned reviewer to alice-roles@example.test");
        Assert.Empty(errors);
    }
}
