using System.Net;
using System.Text;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Tests.Disclosure;
using Firebreak.Web.Tests.Infrastructure;
using Firebreak.Web.Tests.Intake;
using SqliteConnection = Microsoft.Data.Sqlite.SqliteConnection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Data;

/// <summary>
/// What a copy of the database holds: a canary planted in every embargoed field and in an attachment,
/// through the real endpoints, is found nowhere in the raw storage (SQLite file and WAL, before and after
/// a checkpoint; PostgreSQL's raw column values), while the API still reads it back. The reporter's
/// portal link is gone from the outbox once the acknowledgement is sent. An altered sealed value is
/// refused with a sentence, not a crash.
/// </summary>
public abstract class DataAtRestTests
{
    private readonly FirebreakFactory factory;

    /// <summary>The server logs everything, Debug included, framework and EF Core too: the canaries must be in no line of it.</summary>
    protected DataAtRestTests(FirebreakFactory factory)
    {
        this.factory = factory;
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
            factory.Settings[$"Logging:LogLevel:{category}"] = "Debug";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Maintainer, string Slug, string Id, string Canary, string Token)> PlantAsync()
    {
        var (maintainer, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"r{Guid.NewGuid():N}"[..20];
        var canary = $"CANARY{Guid.NewGuid():N}";
        await maintainer.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        using var form = AttachmentApiTests.Multipart(
            new { title = $"Vault {canary} title", description = $"Steps {canary} body", affectedVersions = $"<= 0.4.1 ({canary})", contact = $"r{canary.ToLowerInvariant()}@example.test" },
            ("poc.log", Encoding.UTF8.GetBytes($"log line {canary}\n")));
        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var token = (string)System.Text.Json.Nodes.JsonNode.Parse(text)!["token"]!;
        var id = (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        await maintainer.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = $"internal {canary}", shared = false }, HttpStatusCode.Created);
        // Text a maintainer writes into the incident and its timeline (a note, changed details) is embargoed as well.
        await maintainer.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = $"note {canary}", details = new { affectedVersions = $"< 0.5 ({canary})" } });
        await maintainer.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = $"shared {canary}", shared = true }, HttpStatusCode.Created);
        using (var reply = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/messages"))
        {
            reply.Headers.Add("X-Reporter-Token", token);
            reply.Content = JsonContent(new { body = $"reporter {canary}" });
            using var answer = await factory.CreateClient().SendAsync(reply, Ct);
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{id}/advisory"))
        {
            put.Content = new StringContent(AdvisoryApiTests.Advisory.Replace("Panic wipe leaves", $"Panic {canary} wipe leaves", StringComparison.Ordinal), Encoding.UTF8, "application/json");
            using var saved = await maintainer.SendAsync(put, Ct);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        }
        return (maintainer, slug, id, canary, token);
    }

    private static StringContent JsonContent(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Canary_InEveryEmbargoedField_IsNotInTheRawDatabase_ButReadsBack()
    {
        factory.RequireDatabase();
        var (maintainer, _, id, canary, token) = await PlantAsync();

        Assert.Contains(canary, (string)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}"))["title"]!, StringComparison.Ordinal);
        Assert.Equal(3, (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/messages")).AsArray().Count(m => ((string?)m!["body"])!.Contains(canary, StringComparison.Ordinal)));
        var attachment = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!;
        using (var download = await maintainer.GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachment["id"]}", UriKind.Relative), Ct))
            Assert.Contains(canary, await download.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await WaitUntilSentAsync(Guid.Parse(id));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<OutboxMessage>().Where(m => m.IncidentId == Guid.Parse(id)).ToListAsync(Ct);
            Assert.NotEmpty(outbox);
            Assert.All(outbox, m => Assert.DoesNotContain(token, m.TextBody + m.HtmlBody, StringComparison.Ordinal));
            Assert.Contains(outbox, m => m.TextBody.Contains(CapabilityLinks.Removed, StringComparison.Ordinal));
        }

        var incident = await maintainer.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Contains(canary, (string)incident["details"]!["affectedVersions"]!, StringComparison.Ordinal);
        Assert.Contains(canary.ToLowerInvariant(), incident.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(canary, (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).ToJsonString(), StringComparison.Ordinal);

        foreach (var needle in new[] { canary, canary.ToLowerInvariant(), token })
        {
            var hits = await RawHitsAsync(needle);
            Assert.True(hits.Count == 0, $"{(needle == token ? "the portal token" : "the canary")} is stored in plain text: {string.Join(" | ", hits)}");
        }
    }

    /// <summary>
    /// Issue 17: no secret, token, reporter address or report text in any log line. The same canaries, planted through
    /// the real endpoints and carried all the way to the sent acknowledgement, with logging at Debug for every category.
    /// </summary>
    [Fact]
    public async Task Canary_IsInNoLogLine_AtDebug()
    {
        factory.RequireDatabase();
        var (maintainer, slug, id, canary, token) = await PlantAsync();
        await WaitUntilSentAsync(Guid.Parse(id));
        await maintainer.GetJsonAsync($"/api/v1/incidents/{id}");
        await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents");
        var apiToken = maintainer.DefaultRequestHeaders.Authorization!.Parameter!;
        var lines = factory.Logs.Lines;
        Assert.Contains(lines, l => l.StartsWith("Debug ", StringComparison.Ordinal)); // it did log at Debug
        foreach (var (needle, what) in new[] { (canary, "report text"), (canary.ToLowerInvariant(), "the reporter's address"), (token, "the portal token"), (apiToken, "the API token") })
        {
            var hits = lines.Where(l => l.Contains(needle, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(hits.Count == 0, $"{what} is in {hits.Count} log line(s), first: {hits.FirstOrDefault()?[..Math.Min(hits[0].Length, 400)]}");
        }
    }

    [Fact]
    public async Task TamperedSealedValue_IsRefusedWithASentence_NotACrash()
    {
        factory.RequireDatabase();
        var (maintainer, _, id, canary, _) = await PlantAsync();
        var attachment = (string)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!["id"]!;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            // Flip the last byte (inside the authentication tag's reach) of the title and of the attachment's content.
            var flip = db.Database.IsSqlite()
                ? "UPDATE \"{0}\" SET \"{1}\" = substr(\"{1}\", 1, length(\"{1}\") - 1) || CASE WHEN hex(substr(\"{1}\", -1)) = '00' THEN X'01' ELSE X'00' END WHERE \"Id\" = '{2}'"
                : "UPDATE \"{0}\" SET \"{1}\" = set_byte(\"{1}\", length(\"{1}\") - 1, (get_byte(\"{1}\", length(\"{1}\") - 1) + 1) % 256) WHERE \"Id\" = '{2}'";
            var incidentId = db.Database.IsSqlite() ? id.ToUpperInvariant() : id;
            var attachmentId = db.Database.IsSqlite() ? attachment.ToUpperInvariant() : attachment;
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, flip, "Incidents", "Title", incidentId), Ct));
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, flip, "ReportAttachments", "Content", attachmentId), Ct));
        }

        var json = await maintainer.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Contains("failed its integrity check", (string)json["title"]!, StringComparison.Ordinal);
        Assert.Contains(canary, (string)json["summary"]!, StringComparison.Ordinal); // the rest of the row still reads
        var page = await PageClient.SignInAsync(factory, admin: true);
        Assert.Contains("failed its integrity check", await page.GetHtmlAsync($"/incidents/{id}"), StringComparison.Ordinal);
        using var download = await maintainer.GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachment}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, download.StatusCode);
        Assert.Contains("failed its integrity check", await download.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task WaitUntilSentAsync(Guid incident)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var states = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<OutboxMessage>()
                .Where(m => m.IncidentId == incident).Select(m => m.State).ToListAsync(Ct);
            if (states.Count > 0 && states.All(s => s == OutboxState.Sent)) return;
            Assert.True(DateTime.UtcNow < deadline, "The acknowledgement was not sent: " + string.Join(", ", states));
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>Where the needle occurs in the raw storage: the database's own bytes, not what EF reads.</summary>
    protected abstract Task<List<string>> RawHitsAsync(string needle);

    /// <summary>The file's bytes, read while the server may hold it open.</summary>
    protected static byte[] ReadShared(string file)
    {
        if (!File.Exists(file)) return [];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

public sealed class SqliteDataAtRestTests(SqliteFactory factory) : DataAtRestTests(factory), IClassFixture<SqliteFactory>
{
    private readonly SqliteFactory _factory = factory;

    protected override async Task<List<string>> RawHitsAsync(string needle)
    {
        var hits = Scan(needle, "before checkpoint");
        await using (var connection = new SqliteConnection($"Data Source={_factory.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        hits.AddRange(Scan(needle, "after checkpoint"));
        return hits;
    }

    private List<string> Scan(string needle, string when)
    {
        var bytes = Encoding.UTF8.GetBytes(needle);
        var utf16 = Encoding.Unicode.GetBytes(needle);
        return [.. new[] { "", "-wal" }
            .Where(suffix => ReadShared(_factory.DatabaseFile + suffix) is var content && (content.AsSpan().IndexOf(bytes) >= 0 || content.AsSpan().IndexOf(utf16) >= 0))
            .Select(suffix => $"firebreak.db{suffix} ({when})")];
    }
}

public sealed class PostgresDataAtRestTests(PostgresFactory factory) : DataAtRestTests(factory), IClassFixture<PostgresFactory>
{
    private readonly PostgresFactory _factory = factory;

    protected override async Task<List<string>> RawHitsAsync(string needle)
    {
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(needle));
        var hits = new List<string>();
        await using var scope = _factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            // Each row as PostgreSQL's own text form: text columns as they are, bytea as hex.
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT t::text FROM \"{table}\" t";
            await using var reader = await rows.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var row = reader.GetString(0);
                if (row.Contains(needle, StringComparison.Ordinal) || row.Contains(hex, StringComparison.OrdinalIgnoreCase)) hits.Add($"{table}: {row[..Math.Min(row.Length, 200)]}");
            }
        }
        return hits;
    }
}
