using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firebreak.Web.Tests.Intake;

/// <summary>
/// "Confirm the reporter's e-mail before the report enters the queue", end to end over the real
/// SMTP sink: the report is held (no incident, no notification), the link's GET only asks, its POST
/// files the report with clocks from that instant, and used, expired and unknown links say so.
/// On SQLite and on PostgreSQL.
/// </summary>
public abstract partial class ConfirmationTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Maintainer, string Slug, string Contact)> HoldingProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"c{Guid.NewGuid():N}"[..20];
        var contact = $"security-{Guid.NewGuid():N}@example.test";
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale", securityContacts = new[] { contact } }, HttpStatusCode.Created);
        var settings = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/intake", new { confirmReporterEmail = true }, HttpStatusCode.OK);
        Assert.True((bool)settings["confirmReporterEmail"]!);
        return (api, slug, contact);
    }

    private PageClient Browser() =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private static async Task<string> ConfirmPathAsync(string reporter)
    {
        var mail = Assert.Single(await MailSink.WaitForAsync(reporter));
        Assert.Contains("Confirm your security report to Springtale", mail.Subject, StringComparison.Ordinal);
        return new Uri(ConfirmLink().Match(mail.TextBody ?? "").Value).PathAndQuery;
    }

    private async Task<string> HoldAsync(string slug, string reporter, params (string, byte[])[] files)
    {
        using var form = AttachmentApiTests.Multipart(new { title = "Vault key left on disk", contact = reporter, credit = "handle", creditName = "@finder", consent = true }, files);
        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        Assert.Contains("awaiting-confirmation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token", text, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    [Fact]
    public async Task HeldReport_ConfirmedByPost_IsFiledWithClocksFromConfirmation_ThenTheLinkIsUsed()
    {
        factory.RequireDatabase();
        MailSink.Require();
        var (maintainer, slug, contact) = await HoldingProjectAsync();
        var reporter = $"reporter-{Guid.NewGuid():N}@example.test";
        await HoldAsync(slug, reporter, ("crash.log", "wipe started\nkey.bin kept\n"u8.ToArray()));
        var confirmPath = await ConfirmPathAsync(reporter);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
        Assert.Empty(MailSink.Read(contact)); // no triage notification for a report nobody confirmed

        factory.Clock.Advance(TimeSpan.FromHours(5));
        var browser = Browser();
        var asked = await browser.GetHtmlAsync(confirmPath); // what a link-scanning mail filter does
        Assert.Contains("Confirm and send the report", asked, StringComparison.Ordinal);
        Assert.Contains("Vault key left on disk", asked, StringComparison.Ordinal);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());

        var antiforgery = Regex.Match(asked, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        HttpContent Form() => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery });
        using var confirmed = await browser.Http.PostAsync(new Uri(confirmPath, UriKind.Relative), Form(), Ct);
        var html = await confirmed.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Report sent", html, StringComparison.Ordinal);
        var portalUrl = PortalLink().Match(html).Groups[1].Value;
        Assert.Matches("/r/[A-Za-z0-9_-]{43}$", portalUrl);

        var incident = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!;
        Assert.Equal("discovery", (string?)incident["stage"]);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(24), incident.Clock("acknowledgement")["dueAt"]!.Instant());
        Assert.Equal("@finder", (string?)incident["reporter"]!["creditName"]);
        var id = (string)incident["id"]!;
        Assert.Equal("crash.log", (string?)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!["fileName"]);
        var timeline = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["text"]!);
        Assert.Contains(timeline, t => t.StartsWith("The reporter confirmed their e-mail address", StringComparison.Ordinal));

        var delivered = await MailSink.WaitForAsync(reporter, count: 2);
        var acknowledgement = delivered[^1];
        Assert.Contains("We received your security report", acknowledgement.Subject, StringComparison.Ordinal);
        Assert.Contains(portalUrl, acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Single(await MailSink.WaitForAsync(contact));
        Assert.Contains("Vault key left on disk", await Browser().GetHtmlAsync(new Uri(portalUrl).PathAndQuery), StringComparison.Ordinal);

        using var again = await browser.Http.PostAsync(new Uri(confirmPath, UriKind.Relative), Form(), Ct); // the same form, sent twice
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Already confirmed", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Already confirmed", await browser.GetHtmlAsync(confirmPath), StringComparison.Ordinal);
        Assert.Single((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Fact]
    public async Task ExpiredLink_SaysSo_AndFilesNothing()
    {
        factory.RequireDatabase();
        MailSink.Require();
        var (maintainer, slug, _) = await HoldingProjectAsync();
        var reporter = $"reporter-{Guid.NewGuid():N}@example.test";
        await HoldAsync(slug, reporter);
        var confirmPath = await ConfirmPathAsync(reporter);

        factory.Clock.Advance(TimeSpan.FromHours(72));
        var browser = Browser();
        using var page = await browser.Http.GetAsync(new Uri(confirmPath, UriKind.Relative), Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm and send the report", html, StringComparison.Ordinal);

        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var posted = await browser.Http.PostAsync(new Uri(confirmPath, UriKind.Relative), form, Ct);
        Assert.True(posted.StatusCode is HttpStatusCode.Gone or HttpStatusCode.BadRequest, $"{(int)posted.StatusCode}");
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
        var settings = await (await PageClient.SignInAsync(factory, admin: true)).GetHtmlAsync($"/projects/{slug}/intake");
        Assert.Contains("0 report(s) waiting for their reporter to confirm the e-mail address; 1 expired unconfirmed (kept, not filed)", settings, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("%27%3B%20DROP%20TABLE%20HeldReports%3B--")]
    public async Task UnknownLink_IsAPlainNotFoundPage(string token)
    {
        factory.RequireDatabase();
        using var page = await Browser().Http.GetAsync(new Uri($"/r/confirm/{token}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Unknown confirmation link", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportForm_HoldingProject_AsksForTheAddress_ThenSaysCheckYourEmail()
    {
        factory.RequireDatabase();
        var (maintainer, slug, _) = await HoldingProjectAsync();
        var reporter = $"reporter-{Guid.NewGuid():N}@example.test";
        var browser = Browser();
        Assert.Contains("required: we send a link to confirm it", await browser.GetHtmlAsync($"/p/{slug}/report"), StringComparison.Ordinal);
        using var response = await browser.PostFormAsync($"/p/{slug}/report", $"/p/{slug}/report",
            new() { ["Title"] = "Held by form", ["Contact"] = reporter, ["Credit"] = "anonymous" });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Check your e-mail", html, StringComparison.Ordinal);
        Assert.Contains(reporter, html, StringComparison.Ordinal);
        Assert.DoesNotContain("portal-link", html, StringComparison.Ordinal);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Fact]
    public async Task HoldingProject_ReportWithoutEmail_IsRefusedWithTheReason()
    {
        factory.RequireDatabase();
        var (maintainer, slug, _) = await HoldingProjectAsync();
        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { title = "No address" }), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("give an e-mail address as the contact", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [GeneratedRegex(@"http://[^\s]+/r/confirm/[A-Za-z0-9_-]{43}")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("id=\"portal-link\" href=\"([^\"]+)\"")]
    private static partial Regex PortalLink();
}

public sealed class SqliteConfirmationTests(SqliteFactory factory) : ConfirmationTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresConfirmationTests(PostgresFactory factory) : ConfirmationTests(factory), IClassFixture<PostgresFactory>;
