using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Cli.Archive;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Archive;

public sealed class SqliteArchiveApiTests(SqliteFactory factory) : ArchiveApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresArchiveApiTests(PostgresFactory factory) : ArchiveApiTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// The record kept for the life of the project, through the API on SQLite and PostgreSQL: an incident's archive holds
/// every part of the record and verifies offline without disclosing other incidents' audit records; the same record
/// gives the same bytes; a project's archive holds a bundle per incident; who may download what; the reporter's
/// contact redacted by an instance administrator, once, even when two ask at the same moment.
/// </summary>
public abstract class ArchiveApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal sealed record Record(HttpClient Root, HttpClient Admin, string AdminEmail, string Slug, string Incident, string Contact, string Secret);

    /// <summary>A reported incident with everything a record holds, and another project's embargoed incident written in between.</summary>
    internal static async Task<Record> RecordAsync(FirebreakFactory factory)
    {
        factory.RequireDatabase();
        var (root, _) = await factory.CreateUserClientAsync(admin: true);
        var (admin, adminEmail) = await factory.CreateUserClientAsync(admin: false);
        var slug = $"ar{Guid.NewGuid():N}"[..16];
        var other = $"ao{Guid.NewGuid():N}"[..16];
        await root.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        await root.PostJsonAsync("/api/v1/projects", new { slug = other, name = "Elsewhere" }, HttpStatusCode.Created);
        await root.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = adminEmail, role = "admin" }, HttpStatusCode.NoContent);
        var contact = $"reporter-{Guid.NewGuid():N}@example.test";
        using (var form = Intake.AttachmentApiTests.Multipart(new { title = "Vault key left on disk", description = "See the log.", contact },
                   ("crash.log", "wipe: skipped .vault\n"u8.ToArray())))
        using (var submitted = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), form, Ct))
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var incident = (string)(await admin.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;

        var secret = $"EMBARGOED-{Guid.NewGuid():N}";
        var hidden = (string)(await root.PostJsonAsync($"/api/v1/projects/{other}/incidents",
            new { kind = "vulnerability-report", title = secret, severity = "critical" }, HttpStatusCode.Created))["id"]!;
        await admin.PostJsonAsync($"/api/v1/incidents/{incident}/messages", new { body = "INTERNAL: reproduced on 0.4.1", shared = false }, HttpStatusCode.Created);
        await root.PatchJsonAsync($"/api/v1/incidents/{hidden}", new { note = secret + " note" });
        await admin.PostJsonAsync($"/api/v1/incidents/{incident}/messages", new { body = "Thanks, we reproduced it.", shared = true }, HttpStatusCode.Created);
        using (var advisory = new StringContent(Disclosure.AdvisoryApiTests.Advisory, Encoding.UTF8, "application/json"))
        using (var saved = await admin.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), advisory, Ct))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await admin.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
        {
            title = "Keys survive a wipe", categories = new[] { "information-disclosure" }, asset = "vault", threat = "forensics", likelihood = 2, impact = 4, incidents = new[] { 1 },
        }, HttpStatusCode.Created);
        await admin.PatchJsonAsync($"/api/v1/incidents/{incident}", new { note = "Fix in review" });
        await admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{incident}/postmortem", new
        {
            version = 0, sections = new Dictionary<string, string> { ["summary"] = "The wipe left key.bin.", ["root-cause"] = "Dot-directories skipped." },
        }, HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/v1/incidents/{incident}/action-items",
            new { title = "Lint for dot-directories", owner = adminEmail, dueAt = factory.Clock.GetUtcNow().AddDays(14) }, HttpStatusCode.Created);
        return new(root, admin, adminEmail, slug, incident, contact, secret);
    }

    internal static async Task<byte[]> DownloadAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        if (expected == HttpStatusCode.OK) Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    [Fact]
    public async Task IncidentArchive_HoldsTheWholeRecord_VerifiesOffline_AndDisclosesNoOtherIncident()
    {
        var r = await RecordAsync(factory);
        using var response = await r.Admin.GetAsync(new Uri($"/api/v1/incidents/{r.Incident}/archive", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{r.Slug}-1-record.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var zip = await response.Content.ReadAsByteArrayAsync(Ct);
        var files = ZipFiles.Read(zip);
        var paths = files.Select(f => f.Path).ToList();

        Assert.Equal(["incident.json", "timeline.json", "thread.json", "attachments.json"], paths[..4]);
        Assert.Equal(["public-key.pem", "manifest.json", "signature.json"], paths[^3..]);
        foreach (var part in new[] { "advisory/document.json", "advisory/status.json", "postmortem.md", "postmortem.json", "action-items.json", "risks.json", "audit/records.json" })
            Assert.Contains(part, paths);
        Assert.Equal(8, paths.Count(p => p.StartsWith("advisory/exports/", StringComparison.Ordinal)));
        Assert.Contains("advisory/exports/osv.json", paths);

        Assert.Equal(r.Contact, (string)JsonNode.Parse(files.Text("incident.json"))!["reporter"]!["contact"]!);
        var thread = JsonNode.Parse(files.Text("thread.json"))!["messages"]!.AsArray();
        Assert.Equal("internal", (string)thread.Single(m => ((string)m!["body"]!).StartsWith("INTERNAL", StringComparison.Ordinal))!["visibility"]!);
        Assert.Equal("shared", (string)thread.Single(m => (string)m!["body"]! == "Thanks, we reproduced it.")!["visibility"]!);
        var attachment = JsonNode.Parse(files.Text("attachments.json"))!["attachments"]![0]!;
        Assert.Equal("crash.log", (string)attachment["fileName"]!);
        Assert.Equal("wipe: skipped .vault\n"u8.ToArray(), files.Single(f => f.Path == (string)attachment["file"]!).Content);
        Assert.Equal("RISK-001", (string)JsonNode.Parse(files.Text("risks.json"))!["risks"]![0]!["id"]!);
        Assert.Contains("Dot-directories skipped.", files.Text("postmortem.md"), StringComparison.Ordinal);
        Assert.Equal("Lint for dot-directories", (string)JsonNode.Parse(files.Text("action-items.json"))!["actionItems"]![0]!["title"]!);
        Assert.Contains("Fix in review", files.Text("timeline.json"), StringComparison.Ordinal);

        var records = JsonNode.Parse(files.Text("audit/records.json"))!["records"]!.AsArray();
        Assert.Contains(records, x => x!["withheld"] is not null);
        var timelineEntries = JsonNode.Parse(files.Text("timeline.json"))!["entries"]!.AsArray().Count;
        Assert.Equal(timelineEntries, records.Count(x => (string?)x!["action"] == "timeline"));
        foreach (var (path, content) in files)
            Assert.DoesNotContain(r.Secret, Encoding.UTF8.GetString(content), StringComparison.Ordinal);

        var verdict = ZipFiles.Verify(zip);
        Assert.True(verdict.Intact, string.Join("\n", verdict.Problems));
        Assert.Contains("1 incident bundle(s)", verdict.Summary, StringComparison.Ordinal);
        var key = ArchiveVerifier.ReadPublicPem(factory.Services.GetRequiredService<AuditSigningKey>().PublicKeyPem)!;
        Assert.True(ZipFiles.Verify(zip, key).Intact);
        using var stranger = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var refused = ZipFiles.Verify(zip, stranger.PublicKey);
        Assert.Contains(refused.Problems, p => p.StartsWith("public-key.pem: is key", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("signature.json: signed by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IncidentArchive_OfTheSameRecord_IsTheSameBytes_AndANewEventChangesIt()
    {
        var r = await RecordAsync(factory);
        var first = await DownloadAsync(r.Admin, $"/api/v1/incidents/{r.Incident}/archive");
        factory.Clock.Advance(TimeSpan.FromMinutes(20)); // downloads and time passing are not the incident's record (less than the checkpoint period: a new checkpoint is)
        var second = await DownloadAsync(r.Root, $"/api/v1/incidents/{r.Incident}/archive");
        Assert.Equal(first, second);

        await r.Admin.PatchJsonAsync($"/api/v1/incidents/{r.Incident}", new { note = "Released 0.4.2" });
        var third = await DownloadAsync(r.Admin, $"/api/v1/incidents/{r.Incident}/archive");
        Assert.NotEqual(first, third);
        Assert.Contains("Released 0.4.2", ZipFiles.Read(third).Text("timeline.json"), StringComparison.Ordinal);
        Assert.True(ZipFiles.Verify(third).Intact);
    }

    [Fact]
    public async Task IncidentArchive_CarriesTheCheckpointThatCoversIt()
    {
        var r = await RecordAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TakeCheckpoint>().ExecuteAsync(onlyWhenMoved: false, Ct);
            Assert.Null(outcome.Problem);
        }
        // Records after the checkpoint that do not touch the incident stay out of its excerpt.
        await r.Root.PostJsonAsync($"/api/v1/projects/{r.Slug}/incidents", new { kind = "kev-match", title = "Later", severity = "low" }, HttpStatusCode.Created);
        var files = ZipFiles.Read(await DownloadAsync(r.Admin, $"/api/v1/incidents/{r.Incident}/archive"));
        var checkpoint = JsonNode.Parse(files.Text("audit/checkpoint.json"))!;
        var excerpt = JsonNode.Parse(files.Text("audit/records.json"))!;
        Assert.Equal((long)checkpoint["chains"]![0]!["sequence"]!, (long)excerpt["to"]!);
        var verdict = ZipFiles.Verify(ZipFiles.Write(files));
        Assert.True(verdict.Intact, string.Join("\n", verdict.Problems));
        Assert.Contains("1 checkpoint(s)", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectArchive_HoldsABundlePerIncident_VerifiesAndIsStable_ForProjectAdminsOnly()
    {
        var r = await RecordAsync(factory);
        await r.Admin.PostJsonAsync($"/api/v1/projects/{r.Slug}/incidents", new { kind = "kev-match", title = "Second", severity = "low" }, HttpStatusCode.Created);
        var zip = await DownloadAsync(r.Admin, $"/api/v1/projects/{r.Slug}/archive");
        var paths = ZipFiles.Read(zip).Select(f => f.Path).ToList();
        Assert.Equal(2, paths.Count(p => p.StartsWith("incidents/", StringComparison.Ordinal) && p.EndsWith("/manifest.json", StringComparison.Ordinal)));
        Assert.StartsWith($"incidents/0001-{r.Incident}/", paths[0], StringComparison.Ordinal);
        Assert.Equal(["public-key.pem", "manifest.json", "signature.json"], paths[^3..]);
        var verdict = ZipFiles.Verify(zip);
        Assert.True(verdict.Intact, string.Join("\n", verdict.Problems));
        Assert.Contains("2 incident bundle(s)", verdict.Summary, StringComparison.Ordinal);
        Assert.Equal(zip, await DownloadAsync(r.Admin, $"/api/v1/projects/{r.Slug}/archive"));

        var (reviewer, reviewerEmail) = await factory.CreateUserClientAsync(admin: false);
        var (board, boardEmail) = await factory.CreateUserClientAsync(admin: false);
        await r.Root.PostJsonAsync($"/api/v1/projects/{r.Slug}/members", new { email = reviewerEmail, role = "reviewer" }, HttpStatusCode.NoContent);
        await r.Root.PostJsonAsync($"/api/v1/projects/{r.Slug}/members", new { email = boardEmail, role = "board" }, HttpStatusCode.NoContent);
        await DownloadAsync(reviewer, $"/api/v1/projects/{r.Slug}/archive", HttpStatusCode.Forbidden);
        Assert.True(ZipFiles.Verify(await DownloadAsync(reviewer, $"/api/v1/incidents/{r.Incident}/archive")).Intact);
        await DownloadAsync(board, $"/api/v1/incidents/{r.Incident}/archive", HttpStatusCode.Forbidden);
        await DownloadAsync(factory.CreateClient(), $"/api/v1/incidents/{r.Incident}/archive", HttpStatusCode.Unauthorized);
        var (outsider, _) = await factory.CreateUserClientAsync(admin: false);
        await DownloadAsync(outsider, $"/api/v1/incidents/{r.Incident}/archive", HttpStatusCode.NotFound);
        await DownloadAsync(outsider, $"/api/v1/projects/{r.Slug}/archive", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Redaction_ByAnInstanceAdmin_ReplacesTheContactEverywhere_KeepsTheRest_AndIsAudited()
    {
        var r = await RecordAsync(factory);
        var path = $"/api/v1/incidents/{r.Incident}/reporter/redact";
        await r.Admin.PostJsonAsync(path, new { reason = "The reporter asked" }, HttpStatusCode.Forbidden);
        var empty = await r.Root.PostJsonAsync(path, new { reason = "  " }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("reason:", (string)empty["detail"]!, StringComparison.Ordinal);
        using (var malformed = new StringContent("{\"reason\": ", Encoding.UTF8, "application/json"))
        using (var answer = await r.Root.PostAsync(new Uri(path, UriKind.Relative), malformed, Ct))
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);

        var done = await r.Root.PostJsonAsync(path, new { reason = "The reporter asked on 2026-11-30 (ticket 88)" });
        Assert.Equal("[redacted]", (string)done["contact"]!);
        var again = await r.Root.PostJsonAsync(path, new { reason = "Twice" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already redacted", (string)again["detail"]!, StringComparison.Ordinal);

        var incident = await r.Admin.GetJsonAsync($"/api/v1/incidents/{r.Incident}");
        Assert.Equal("[redacted]", (string)incident["reporter"]!["contact"]!);
        Assert.Equal("Vault key left on disk", (string)incident["title"]!);
        var files = ZipFiles.Read(await DownloadAsync(r.Admin, $"/api/v1/incidents/{r.Incident}/archive"));
        foreach (var (_, content) in files) Assert.DoesNotContain(r.Contact, Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        var timeline = JsonNode.Parse(files.Text("timeline.json"))!["entries"]!.AsArray();
        var entry = timeline.Single(e => (string)e!["kind"]! == "redaction")!;
        Assert.Equal("Reporter contact redacted: The reporter asked on 2026-11-30 (ticket 88)", (string)entry["text"]!);
        var audit = JsonNode.Parse(files.Text("audit/records.json"))!["records"]!.AsArray().Single(x => (string?)x!["action"] == "reporter-redacted")!;
        Assert.Contains("ticket 88", (string)audit["detail"]!, StringComparison.Ordinal);
        Assert.Contains("INTERNAL: reproduced on 0.4.1", files.Text("thread.json"), StringComparison.Ordinal);
        Assert.True(ZipFiles.Verify(ZipFiles.Write(files)).Intact);
    }

    [Fact]
    public async Task Redaction_ReachesTheHeldReportTheIncidentCameFrom_AndNoOther()
    {
        var r = await RecordAsync(factory);
        Guid mine, other;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
            var project = db.Projects.Single(p => p.Slug == r.Slug).Id;
            var submission = new Firebreak.Web.Features.Intake.Reports.ReportSubmission("Vault key left on disk", null, null, null, r.Contact, null, null, false);
            var (held, _) = Firebreak.Web.Features.Intake.Confirmation.HeldReport.Hold(project, submission, r.Contact,
                Firebreak.Domain.Incidents.IncidentSource.Api, factory.Clock.GetUtcNow(), TimeSpan.FromDays(1));
            held.Confirm(Guid.Parse(r.Incident), factory.Clock.GetUtcNow());
            var (unrelated, _) = Firebreak.Web.Features.Intake.Confirmation.HeldReport.Hold(project, submission, r.Contact,
                Firebreak.Domain.Incidents.IncidentSource.Api, factory.Clock.GetUtcNow(), TimeSpan.FromDays(1));
            db.AddRange(held, unrelated);
            await db.SaveChangesAsync(Ct);
            (mine, other) = (held.Id, unrelated.Id);
        }
        var done = await r.Root.PostJsonAsync($"/api/v1/incidents/{r.Incident}/reporter/redact", new { reason = "Asked to be forgotten" });
        Assert.Equal(1, (int)done["heldReports"]!);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
            var held = db.Set<Firebreak.Web.Features.Intake.Confirmation.HeldReport>().Where(h => h.Id == mine || h.Id == other).ToList();
            Assert.Equal("[redacted]", held.Single(h => h.Id == mine).Contact);
            Assert.Equal(r.Contact, held.Single(h => h.Id == other).Contact);
            Assert.Equal("Vault key left on disk", held.Single(h => h.Id == mine).Title);
        }
    }

    [Fact]
    public async Task Redaction_AskedTwiceAtTheSameMoment_HappensOnce()
    {
        var r = await RecordAsync(factory);
        var path = new Uri($"/api/v1/incidents/{r.Incident}/reporter/redact", UriKind.Relative);
        async Task<HttpStatusCode> RedactAsync(string reason)
        {
            using var body = new StringContent($"{{\"reason\": \"{reason}\"}}", Encoding.UTF8, "application/json");
            using var answer = await r.Root.PostAsync(path, body, Ct);
            return answer.StatusCode;
        }
        var statuses = await Task.WhenAll(RedactAsync("first"), RedactAsync("second"), RedactAsync("third"));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.UnprocessableEntity));
        var timeline = (await r.Admin.GetJsonAsync($"/api/v1/incidents/{r.Incident}/timeline")).AsArray();
        Assert.Single(timeline, e => (string)e!["kind"]! == "redaction");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheArchiveEndpoints()
    {
        factory.RequireDatabase();
        var document = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        var incident = paths["/api/v1/incidents/{id}/archive"]?["get"];
        Assert.True(incident?["responses"]?["200"]?["content"]?["application/zip"] is not null, incident?.ToJsonString() ?? "no incident archive");
        Assert.True(paths["/api/v1/projects/{slug}/archive"]?["get"]?["responses"]?["200"]?["content"]?["application/zip"] is not null, "no project archive");
        var redact = paths["/api/v1/incidents/{id}/reporter/redact"]?["post"];
        Assert.True(redact?["requestBody"] is not null, redact?.ToJsonString() ?? "no redaction");
    }
}
