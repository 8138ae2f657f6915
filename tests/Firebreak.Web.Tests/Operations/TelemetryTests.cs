using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Firebreak.Web.Infrastructure.Telemetry;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Operations;

/// <summary>
/// Firebreak's gauges read this server's database (clocks at risk and breached as its clock moves, the outbox, the
/// publication lag) and its intake counter counts accepted reports; the Prometheus endpoint, off by default, shows
/// them to a scraper holding the configured token and to no one else.
/// </summary>
public abstract class TelemetryTests(FirebreakFactory factory)
{
    private const string Token = "scrape-token-3f9c1d2e7b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static void Configure(FirebreakFactory factory)
    {
        factory.Settings["Telemetry:Prometheus:Enabled"] = "true";
        factory.Settings["Telemetry:Prometheus:Token"] = Token;
        factory.Settings["Intake:PerProjectPerHour"] = "0";
    }

    private async Task<string> ReportAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"t{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Measured" }, HttpStatusCode.Created);
        await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports",
            new { title = "Gauge me", description = "Steps: one.", affectedVersions = "< 1.0", consent = true }, HttpStatusCode.Created);
        return slug;
    }

    /// <summary>This server's own measurements (other test servers in the process have meters of the same name).</summary>
    private Dictionary<string, double> Observe()
    {
        var meter = factory.Services.GetRequiredService<FirebreakMetrics>().Meter;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var name = instrument.Name + (tags.Length > 0 ? $"[{tags[0].Value}]" : "");
            lock (values) values[name] = values.GetValueOrDefault(name) + value;
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    [Fact]
    public async Task Gauges_FollowTheClocksAndTheOutbox_OfThisServer()
    {
        factory.RequireDatabase();
        var start = Observe();
        await ReportAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(2)); // past the gauges' one-second cache
        var fresh = Observe();
        Assert.True(fresh["firebreak.clocks[at_risk]"] >= start.GetValueOrDefault("firebreak.clocks[at_risk]"));
        Assert.Equal(0, fresh["firebreak.publication.lag"]);
        Assert.True(fresh.ContainsKey("firebreak.outbox.depth") && fresh.ContainsKey("firebreak.outbox.oldest_due_age"), string.Join(", ", fresh.Keys));

        // Every clock of a report is due within days: a year later all of them are breached and none is merely at risk.
        factory.Clock.Advance(TimeSpan.FromDays(365));
        var late = Observe();
        Assert.True(late["firebreak.clocks[breached]"] >= 1, string.Join(", ", late.Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.Equal(0, late["firebreak.clocks[at_risk]"]);
    }

    /// <summary>A refusal is a refusal (401, 403, or a redirect to sign in), not the sign-in page a redirect would reach.</summary>
    private HttpClient NoRedirects() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Prometheus_ShowsFirebreaksGauges_OnlyWithTheToken()
    {
        factory.RequireDatabase();
        await ReportAsync();
        using (var anonymous = await NoRedirects().GetAsync(new Uri("/metrics", UriKind.Relative), Ct))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.DoesNotContain("firebreak_", await anonymous.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var wrong = NoRedirects();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        using (var refused = await wrong.GetAsync(new Uri("/metrics", UriKind.Relative), Ct))
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var (user, _) = await factory.CreateUserClientAsync(admin: false);
        using (var notAdmin = await user.GetAsync(new Uri("/metrics", UriKind.Relative), Ct))
            Assert.NotEqual(HttpStatusCode.OK, notAdmin.StatusCode);

        var scraper = factory.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var scrape = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var text = await scrape.Content.ReadAsStringAsync(Ct);
        Assert.True(scrape.StatusCode == HttpStatusCode.OK, text);
        foreach (var metric in new[] { "firebreak_reports_accepted_total", "firebreak_clocks{", "state=\"at_risk\"", "state=\"breached\"", "firebreak_outbox_depth",
            "firebreak_outbox_oldest_due_age_seconds", "firebreak_publication_lag_seconds", "http_server_request_duration_seconds" })
            Assert.Contains(metric, text, StringComparison.Ordinal);
    }
}

public sealed class SqliteTelemetryTests : TelemetryTests, IClassFixture<SqliteTelemetryTests.Factory>
{
    public SqliteTelemetryTests(Factory factory) : base(factory) { }

    public sealed class Factory : SqliteFactory
    {
        public Factory() => Configure(this);
    }
}

public sealed class PostgresTelemetryTests : TelemetryTests, IClassFixture<PostgresTelemetryTests.Factory>
{
    public PostgresTelemetryTests(Factory factory) : base(factory) { }

    public sealed class Factory : PostgresFactory
    {
        public Factory() => Configure(this);
    }
}
