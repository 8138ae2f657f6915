using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Metrics;

/// <summary>
/// A scripted year on the test clock: a dozen reported vulnerabilities over four quarters (some acknowledged late, one
/// fix still open past its deadline, five CVEs published after 40, 95, 60, 80 and 20 days), written through the domain's
/// own methods at their instants. Every figure the API answers is recomputed here by hand from the same script.
/// </summary>
public abstract class MetricsApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One scripted incident: quarter, day in it, severity, source, ack hours, fix days (null: open), CVE (recorded after days), publication days, closed.</summary>
    private sealed record Script(int Number, int Quarter, int Day, Severity Severity, IncidentSource Source, double Ack, double? Fix,
        string? Cve, double CveAfter, double? Published, bool Close, bool Triaged = true);

    private static readonly Script[] Year =
    [
        new(1, 0, 1, Severity.High, IncidentSource.Form, 2, 10, "CVE-2027-50001", 5, 40, false),
        new(2, 0, 10, Severity.Medium, IncidentSource.Form, 30, 20, null, 0, null, true),
        new(3, 0, 20, Severity.High, IncidentSource.Form, 5, 12, "CVE-2027-50002", 3, 95, false),
        new(4, 1, 1, Severity.High, IncidentSource.Api, 1, 5, "CVE-2027-50003", 2, 60, false),
        new(5, 1, 10, Severity.Low, IncidentSource.Form, 48, 14, null, 0, null, true),
        new(6, 1, 20, Severity.High, IncidentSource.Form, 3, 8, null, 0, null, true),
        new(7, 2, 1, Severity.High, IncidentSource.Webhook, 26, 13, "CVE-2027-50004", 1, 80, false),
        new(8, 2, 10, Severity.High, IncidentSource.Api, 4, 6, null, 0, null, false),
        new(9, 2, 20, Severity.High, IncidentSource.Form, 6, 9, null, 0, null, false),
        new(10, 3, 1, Severity.Critical, IncidentSource.Form, 8, null, null, 0, null, false), // the fix still open, past its 14 days
        new(11, 3, 10, Severity.High, IncidentSource.Form, 7, 4, "CVE-2027-50005", 1, 20, false),
        new(12, 3, 20, Severity.High, IncidentSource.Watch, 10, 3, null, 0, null, false, Triaged: false),
    ];

    private static readonly DateTimeOffset Q0 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset QuarterStart(int q) => Q0.AddMonths(3 * q);

    private static DateTimeOffset Opened(Script s) => QuarterStart(s.Quarter).AddDays(s.Day);

    private static async Task<string> ProjectAsync(HttpClient admin)
    {
        var slug = $"mt{Guid.NewGuid():N}"[..14];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "Metrics test", securityContacts = new[] { "security@example.org" } }, HttpStatusCode.Created);
        return slug;
    }

    /// <summary>Writes the scripted incidents of the given quarters through the domain, each event at its own instant.</summary>
    private async Task SeedAsync(string slug, Func<Script, bool> which)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Slug == slug, Ct);
        var policy = project.Policy;
        foreach (var s in Year.Where(which))
        {
            var opened = Opened(s);
            var incident = Incident.Open(project.Id, s.Number, IncidentKind.VulnerabilityReport, $"Scripted #{s.Number}", null, s.Severity, null, null,
                policy, "script", opened, s.Source);
            incident.StopClock(ClockKind.Acknowledgement, "acknowledged", "script", opened.AddHours(s.Ack));
            if (s.Triaged) incident.MoveTo(IncidentStage.Assessment, "script", opened.AddHours(s.Ack), "triage verdict: valid"); // as the thread's verdict words it
            if (s.Cve is { } cve)
                incident.UpdateDetails(new IncidentDetails(null, null, [], null, null, [cve]), "script", opened.AddDays(s.CveAfter));
            if (s.Fix is { } fix) incident.StopClock(ClockKind.Fix, "fix released", "script", opened.AddDays(fix));
            if (s.Published is { } published) incident.StopClock(ClockKind.Disclosure, "advisory published", "script", opened.AddDays(published));
            if (s.Close) incident.MoveTo(IncidentStage.Closed, "script", opened.AddDays(s.Fix!.Value + 1), "done", policy: policy);
            db.Incidents.Add(incident);
        }
        await db.SaveChangesAsync(Ct);
    }

    private static double Hours(JsonNode? node) => (double)node!;

    [Fact]
    public async Task ScriptedYear_EveryFigureRecomputedByHand_AndTheCnaTriggersMoveFromNotYetToMet()
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = await ProjectAsync(admin);

        // Three quarters in, five days into the fourth: three quarters with a CVE, three timely disclosures and one late.
        await SeedAsync(slug, s => s.Quarter < 3);
        factory.Clock.SetUtcNow(QuarterStart(3).AddDays(5));
        var early = await admin.GetJsonAsync($"/api/v1/projects/{slug}/cna-readiness");
        Assert.False((bool)early["ready"]!);
        Assert.Equal("Not yet: the longest run of consecutive quarters with at least one CVE is 3 (2027-Q1 to 2027-Q3); 4 are needed.",
            (string)early["triggers"]![0]!["reason"]!);
        Assert.Equal("Not yet: 3 of 4 published CVEs went public within 90 days of the report; 4 are needed. Published later than 90 days: CVE-2027-50002 (95 days).",
            (string)early["triggers"]![1]!["reason"]!);
        Assert.True((bool)early["triggers"]![2]!["met"]!);
        Assert.Equal("Met: the security.txt contact and the report form.", (string)early["triggers"]![2]!["reason"]!);

        // The fourth quarter: its CVE and a fourth timely disclosure; now is 60 days into it.
        await SeedAsync(slug, s => s.Quarter == 3);
        var now = QuarterStart(3).AddDays(60);
        factory.Clock.SetUtcNow(now);
        var cna = await admin.GetJsonAsync($"/api/v1/projects/{slug}/cna-readiness");
        Assert.True((bool)cna["ready"]!);
        Assert.Equal("Met: 4 consecutive quarters with at least one CVE (2027-Q1 to 2027-Q4).", (string)cna["triggers"]![0]!["reason"]!);
        Assert.Equal([["CVE-2027-50001", "CVE-2027-50002"], ["CVE-2027-50003"], ["CVE-2027-50004"], ["CVE-2027-50005"]],
            cna["quarters"]!.AsArray().Select(q => q!["cves"]!.AsArray().Select(c => (string)c!).ToArray()));
        Assert.Equal([40.0, 95, 60, 80, 20], cna["disclosures"]!.AsArray().OrderBy(d => (int)d!["incident"]!).Select(d => (double)d!["days"]!));
        Assert.Equal($"security@example.org", (string)cna["application"]!["securityContact"]!);
        Assert.EndsWith($"/p/{slug}/policy", (string)cna["application"]!["disclosurePolicyUrl"]!, StringComparison.Ordinal);

        var m = await admin.GetJsonAsync($"/api/v1/projects/{slug}/metrics?from=2027-01-01&to=2027-12-31");
        Assert.Equal(12, (int)m["incidents"]!);
        Assert.Equal(9, (int)m["openIncidents"]!); // #2, #5 and #6 closed
        JsonNode Clock(string kind) => m["clocks"]!.AsArray().Single(c => (string)c!["kind"]! == kind)!;
        Assert.Equal(Enum.GetValues<ClockKind>().Select(k => Domain.Common.WireNames.ToWire(k)), m["clocks"]!.AsArray().Select(c => (string)c!["kind"]!));

        // Acknowledged after (hours) 2 30 5 1 48 3 26 4 6 8 7 10 → sorted 1 2 3 4 5 6 7 8 10 26 30 48.
        var ack = Clock("acknowledgement")["all"]!;
        Assert.Equal((12, 12, 0), ((int)ack["count"]!, (int)ack["stopped"]!, (int)ack["open"]!));
        Assert.Equal(6, Hours(ack["medianHours"]));  // nearest rank ⌈6⌉: the 6th
        Assert.Equal(30, Hours(ack["p90Hours"]));    // ⌈10.8⌉: the 11th
        Assert.Equal((9, 3), ((int)ack["met"]!, (int)ack["breached"]!)); // 26, 30 and 48 hours were late
        Assert.Equal(0.75, (double)ack["metShare"]!, 10);

        // Fixed after (days) 10 20 12 5 14 8 13 6 9 4 3; #10's fix open 59 days, censored there.
        var fix = Clock("fix");
        var fixAll = fix["all"]!;
        Assert.Equal((12, 11, 1), ((int)fixAll["count"]!, (int)fixAll["stopped"]!, (int)fixAll["open"]!));
        Assert.Equal(9 * 24, Hours(fixAll["medianHours"]));  // sorted 3 4 5 6 8 9 10 12 13 14 20: 6th
        Assert.Equal(14 * 24, Hours(fixAll["p90Hours"]));    // ⌈9.9⌉: 10th
        Assert.Equal((10, 2), ((int)fixAll["met"]!, (int)fixAll["breached"]!)); // 20 days, and #10 open past due
        // Estimate: one event at each of the 11 times, 12 down to 2 at risk (the open fix stays at risk past them all).
        var steps = fix["survival"]!.AsArray();
        Assert.Equal(Enumerable.Range(2, 11).Reverse(), steps.Select(s => (int)s!["atRisk"]!));
        Assert.Equal(1.0 / 12, (double)steps[^1]!["survival"]!, 10); // 2/12 · (1 − 1/2)
        Assert.Equal(9 * 24, Hours(fixAll["estimatedMedianHours"]));  // S = 6/12 after the 6th event
        Assert.Equal(20 * 24, Hours(fixAll["estimatedP90Hours"]));    // S = 1/12 ≤ 0.1 only after 20 days
        Assert.Equal([0, 0, 0, 1, 0], fix["openAges"]!.AsArray().Select(b => (int)b!["count"]!)); // 59 days: 30–90
        var fixHigh = fix["bySeverity"]!.AsArray().Single(s => (string)s!["severity"]! == "high")!;
        Assert.Equal((9, 8 * 24.0, 9, 0), ((int)fixHigh["count"]!, Hours(fixHigh["medianHours"]), (int)fixHigh["met"]!, (int)fixHigh["breached"]!)); // 3 4 5 6 8 9 10 12 13

        // Disclosure: published after 40 95 60 80 20 days; the other seven still run (#10 and #12 inside their 90 days).
        var disclosure = Clock("disclosure")["all"]!;
        Assert.Equal((12, 5), ((int)disclosure["count"]!, (int)disclosure["stopped"]!));
        Assert.Equal(60 * 24, Hours(disclosure["medianHours"])); // 20 40 60 80 95: 3rd
        Assert.Equal((4, 6), ((int)disclosure["met"]!, (int)disclosure["breached"]!)); // 95, and #2 #5 #6 #8 #9 past 90 days unpublished

        // Open incidents now: #1 #3 #4 #7 #8 #9 over 90 days old, #10 (59), #11 (50), #12 (40) between 30 and 90.
        Assert.Equal([0, 0, 0, 3, 6], m["openIncidentAges"]!.AsArray().Select(b => (int)b!["count"]!));
        Assert.Equal([8, 2, 1, 1], m["bySource"]!.AsArray().Select(t => (int)t!["count"]!)); // form, api, watch, webhook
        Assert.Equal([1, 11, 0, 0, 0, 0, 0], m["byVerdict"]!.AsArray().Select(t => (int)t!["count"]!)); // untriaged, valid, duplicate, informative, out-of-scope, spam, other
        Assert.Equal(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"], m["quarters"]!.AsArray().Select(q => (string)q!["quarter"]!));
        Assert.Equal([3, 3, 3, 3], m["quarters"]!.AsArray().Select(q => (int)q!["opened"]!));
        var ackQ1 = m["quarters"]![0]!["clocks"]!.AsArray().Single(c => (string)c!["kind"]! == "acknowledgement")!;
        Assert.Equal((3, 2, 1, 5.0), ((int)ackQ1["count"]!, (int)ackQ1["met"]!, (int)ackQ1["breached"]!, Hours(ackQ1["medianHours"]))); // 2 30 5

        // A period that leaves out the first quarter leaves out its three incidents.
        var later = await admin.GetJsonAsync($"/api/v1/projects/{slug}/metrics?from=2027-04-01&to=2027-12-31");
        Assert.Equal(9, (int)later["incidents"]!);

        // CSV: the same figures, one row per clock and severity.
        using var csv = await admin.GetAsync(new Uri($"/api/v1/projects/{slug}/metrics?from=2027-01-01&to=2027-12-31&format=csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n");
        Assert.StartsWith("section,clock,severity,name,count,stopped,open,median_hours,p90_hours,met,breached,met_share", lines[0], StringComparison.Ordinal);
        Assert.Contains("clock,acknowledgement,all,,12,12,0,6,30,9,3,0.75,6,30", lines);
        Assert.Contains("clock,fix,all,,12,11,1,216,336,10,2,0.8333,216,480", lines);

        // The public policy line, once the project opts in: medians of the last twelve months.
        using var policyBefore = await factory.CreateClient().GetAsync(new Uri($"/p/{slug}/policy", UriKind.Relative), Ct);
        Assert.DoesNotContain("measured-times", await policyBefore.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var project = await db.Projects.SingleAsync(p => p.Slug == slug, Ct);
            project.ChangePolicy(project.Policy.WithPublishResponseTimes(true));
            await db.SaveChangesAsync(Ct);
        }
        var policy = await factory.CreateClient().GetStringAsync(new Uri($"/p/{slug}/policy", UriKind.Relative), Ct);
        Assert.Contains("median time to acknowledge a report 6 h", policy, StringComparison.Ordinal);
        Assert.Contains("median time to release a fix 9 d", policy, StringComparison.Ordinal);

        // The page draws the charts with their tables.
        var page = await PageClient.SignInAsync(factory, admin: true);
        var html = await page.GetHtmlAsync($"/projects/{slug}/metrics?from=2027-01-01&to=2027-12-31");
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Open incidents by age</caption>", html, StringComparison.Ordinal);
        Assert.Contains("data-clock=\"fix\" data-severity=\"all\"", html, StringComparison.Ordinal);
        var cnaHtml = await page.GetHtmlAsync($"/projects/{slug}/cna");
        Assert.Contains("Every trigger is met", cnaHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2027-02-30", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("from=2027-06-01&to=2027-01-01", "from")]
    [InlineData("format=xml", "format")]
    public async Task BadParameters_Answer422NamingTheParameter(string query, string parameter)
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = await ProjectAsync(admin);
        var problem = await admin.GetJsonAsync($"/api/v1/projects/{slug}/metrics?{query}", HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith(parameter + ":", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherProjectsMember_GetsNotFound_AndOnlyAdminsSeeEveryProject()
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = await ProjectAsync(admin);
        var (member, email) = await factory.CreateUserClientAsync(admin: false);
        var other = await ProjectAsync(admin);
        await admin.PostJsonAsync($"/api/v1/projects/{other}/members", new { email, role = "admin" }, HttpStatusCode.NoContent);
        await member.GetJsonAsync($"/api/v1/projects/{slug}/metrics", HttpStatusCode.NotFound);
        await member.GetJsonAsync($"/api/v1/projects/{slug}/cna-readiness", HttpStatusCode.NotFound);
        await member.GetJsonAsync($"/api/v1/projects/{other}/cna-readiness");
        using var instance = await member.GetAsync(new Uri("/api/v1/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, instance.StatusCode);
        var all = await admin.GetJsonAsync("/api/v1/metrics");
        Assert.Null(all["project"]);
    }
}

public sealed class SqliteMetricsApiTests(SqliteFactory factory) : MetricsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMetricsApiTests(PostgresFactory factory) : MetricsApiTests(factory), IClassFixture<PostgresFactory>;
