using Firebreak.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>What a maintainer does before the part a browser test is about: sign in, create a project, open an incident.</summary>
internal static class BrowserSteps
{
    public const string Password = "correct horse battery";

    /// <summary>Creates an administrator, signs in through the login page, and collects script errors from then on.</summary>
    public static Task<List<string>> SignInAsNewAdminAsync(this BrowserFactory factory, IPage page, string email) =>
        factory.SignInAsNewAccountAsync(page, email, admin: true);

    /// <summary>Creates an account (an administrator or not), signs in through the login page, and collects script errors from then on.</summary>
    public static async Task<List<string>> SignInAsNewAccountAsync(this BrowserFactory factory, IPage page, string email, bool admin)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, Password, admin);
        }
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/");
        return errors;
    }

    /// <summary>Creates a project through the new-project page.</summary>
    public static async Task CreateProjectAsync(this IPage page, string slug, string name)
    {
        await page.GotoAsync("/projects/new");
        await page.GetByLabel("Slug").FillAsync(slug);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.WaitForPathAsync($"**/projects/{slug}/settings");
    }

    /// <summary>Opens an incident through the project's new-incident page and waits for the incident page.</summary>
    public static async Task OpenIncidentAsync(this IPage page, string slug, string kind, string title, string severity)
    {
        await page.GotoAsync($"/projects/{slug}/incidents/new");
        await page.GetByLabel("Kind").SelectOptionAsync(kind);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync(severity);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open incident" }).ClickAsync();
        await page.WaitForPathAsync("**/incidents/*");
    }

    /// <summary>Waits for the page to reach a URL; on a timeout the failure says where the page is and what it shows.</summary>
    public static async Task WaitForPathAsync(this IPage page, string glob)
    {
        try
        {
            // The address is polled rather than waited for as a navigation event: under a loaded CI machine a navigation that
            // committed while the wait was being set up was missed and the wait ran out with the page already there. Then the
            // document is enough (every subresource's load event also timed out under load).
            await Assertions.Expect(page).ToHaveURLAsync(GlobPattern(glob), new() { Timeout = 30_000 });
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            var text = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Waited for {glob}, but the page is at {page.Url} showing: {(text.Length > 600 ? text[..600] : text)}", e);
        }
    }

    /// <summary>A URL glob as Playwright reads it ("**" any text, "*" any text without a slash), as a regular expression for the whole address.</summary>
    private static System.Text.RegularExpressions.Regex GlobPattern(string glob) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
}
