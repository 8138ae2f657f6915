using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Npgsql;

namespace Firebreak.Web.Tests.Concurrency;

/// <summary>
/// Three built server processes on one PostgreSQL, sharing the key-encryption key (and so the data keys and the
/// Data Protection key ring in the database): a cookie and an antiforgery token made by one are taken by the others;
/// advisories scheduled for one instant are published once each and announced once each although the server that
/// holds the publication job is killed with SIGKILL at that instant; mail queued before the kill is delivered once.
/// Real processes, so the real clock: the instant is a few seconds ahead.
/// </summary>
public sealed partial class SeveralServersTests
{
    private const string Password = "correct horse battery staple";
    private const int Advisories = 3;
    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeServers_HolderKilledAtTheInstant_EachAdvisoryPublishedAndAnnouncedOnce()
    {
        RequiredPart.Require(ServerConnection is not null, "PostgreSQL is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
        MailSink.Require();
        Assert.True(File.Exists(RepositoryRoot.BuiltServer), $"build the server first ({RepositoryRoot.BuiltServer})");
        var database = $"firebreak_nodes_{Guid.NewGuid():N}";
        var kek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var folders = Enumerable.Range(1, 3).Select(_ => Directory.CreateTempSubdirectory("firebreak-node-")).ToArray();
        var nodes = new ServerProcess?[3];
        await using (var admin = await OpenAdminAsync()) await Exec(admin, $"CREATE DATABASE \"{database}\"");
        try
        {
            var alice = $"alice-{Guid.NewGuid():N}@example.test";
            var aliceToken = await CreateUserAsync(database, kek, folders[0], alice);
            var bobToken = await CreateUserAsync(database, kek, folders[0], $"bob-{Guid.NewGuid():N}@example.test");

            // The first server makes the Data Protection key (signing in mints a cookie); the others read it from the database.
            nodes[0] = Start(database, kek, folders[0], 1);
            var urls = new Uri[3];
            urls[0] = await HealthyAsync(nodes[0]!);
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
            await SignInAsync(browser, urls[0], urls[0], alice);
            for (var i = 1; i < 3; i++) nodes[i] = Start(database, kek, folders[i], i + 1);
            for (var i = 1; i < 3; i++) urls[i] = await HealthyAsync(nodes[i]!);

            // Loopback cookies ignore the port: the cookie node 1 set is sent to node 2, and must be honoured there.
            using (var page = await browser.GetAsync(new Uri(urls[1], "/inbox"), Ct))
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"node 2 refused node 1's cookie: {(int)page.StatusCode}\n{nodes[1]!.Output}");
            // A form rendered by node 2 is posted to node 3: the antiforgery token (and its cookie) must hold there.
            using (var stranger = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }))
                await SignInAsync(stranger, urls[1], urls[2], alice);

            using var api = Api(urls[1], aliceToken);
            using var bob = Api(urls[2], bobToken);
            var slug = $"n{Guid.NewGuid():N}"[..16];
            var list = $"announce-{Guid.NewGuid():N}@example.test";
            await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Nodes" }, HttpStatusCode.Created);
            await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/disclosure-settings", new
            {
                privateNoticeSubject = "Private: {{ advisory.id }}", privateNoticeBody = "Embargoed until {{ disclosure.date }}.",
                announcementSubject = "{{ advisory.id }} is public", announcementBody = "{{ advisory.summary }}",
                publicRecipients = new[] { list }, privateRecipients = Array.Empty<string>(), repositoryOwners = Array.Empty<string>(),
            }, HttpStatusCode.OK);
            var incidents = new List<string>();
            for (var k = 0; k < Advisories; k++)
            {
                var id = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = $"Node race {k}", severity = "high" }, HttpStatusCode.Created))["id"]!;
                await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}/advisory", JsonNode.Parse(AdvisoryJson(k)), HttpStatusCode.OK);
                incidents.Add(id);
            }
            // Approved for an hour ahead, then moved to one instant a few seconds ahead by three quick calls: the slow set-up
            // (cold servers on a busy machine) stays out of the lead time.
            foreach (var id in incidents)
            {
                await api.PostJsonAsync($"/api/v1/incidents/{id}/advisory/review", new { publishAt = DateTimeOffset.UtcNow.AddHours(1) });
                await bob.PostJsonAsync($"/api/v1/incidents/{id}/advisory/approve", new { });
            }

            // Which server holds the publication job: the PostgreSQL session that holds its advisory lock names it.
            var holder = await HolderAsync(database, "PublicationWorker");
            using var holderApi = Api(urls[holder], aliceToken);
            var reporter = $"reporter-{Guid.NewGuid():N}@example.test";
            var receipt = await holderApi.PostJsonAsync($"/api/v1/projects/{slug}/reports", new { title = "Queued before the kill", contact = reporter }, HttpStatusCode.Created);
            Assert.True((bool)receipt["acknowledgementQueued"]!);

            var instant = DateTimeOffset.UtcNow.AddSeconds(8);
            instant = instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
            foreach (var id in incidents) await api.PostJsonAsync($"/api/v1/incidents/{id}/advisory/schedule", new { publishAt = instant });
            var wait = instant - DateTimeOffset.UtcNow;
            Assert.True(wait > TimeSpan.Zero, $"rescheduling took longer than the lead time ({-wait} late); the kill would come after the instant");
            await Task.Delay(wait, Ct);
            await nodes[holder]!.KillAsync();

            var survivor = Api(urls[(holder + 1) % 3], aliceToken);
            using (survivor)
            {
                foreach (var id in incidents)
                    await UntilAsync(async () => (string?)(await survivor.GetJsonAsync($"/api/v1/incidents/{id}/advisory/status"))["state"] == "published",
                        $"advisory of {id} published", nodes);
                // Once every message is sent, nothing sends it again (a claim needs a pending message): the counts below are final.
                await UntilAsync(async () => Sent(await survivor.GetJsonAsync("/api/v1/outbox"), list) == Advisories && Sent(await survivor.GetJsonAsync("/api/v1/outbox"), reporter) == 1,
                    "announcements and the acknowledgement sent", nodes);
                var outbox = (await survivor.GetJsonAsync("/api/v1/outbox")).AsArray();
                Assert.Equal(Advisories, outbox.Count(m => (string?)m!["to"] == list));
                Assert.Single(outbox, m => (string?)m!["to"] == reporter);
                foreach (var id in incidents)
                {
                    var timeline = (await survivor.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
                    Assert.Single(timeline, t => t.StartsWith("Public disclosure announcement queued", StringComparison.Ordinal));
                }
            }
            var announcements = MailSink.Read(list);
            Assert.Equal(Advisories, announcements.Count);
            Assert.Equal(Advisories, announcements.Select(m => m.Subject).Distinct(StringComparer.Ordinal).Count());
            Assert.Single(MailSink.Read(reporter));
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (node is not null) await node.DisposeAsync();
            }
            foreach (var folder in folders) folder.Delete(recursive: true);
            await using var admin = await OpenAdminAsync();
            await Exec(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static int Sent(JsonNode outbox, string to) =>
        outbox.AsArray().Count(m => (string?)m!["to"] == to && (string?)m!["state"] == "sent");

    private static string AdvisoryJson(int k) => $$"""
        {
          "id": "NOD-2026-010{{k}}", "aliases": ["CVE-2026-3010{{k}}"],
          "summary": "Node race {{k}}", "description": "Published once, whichever server is left.",
          "publisher": { "name": "Nodes", "namespace": "https://nodes.example.org", "category": "vendor" },
          "affected": [ { "ecosystem": "npm", "name": "nodes-{{k}}", "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "1.0.0" }, { "fixed": "1.0.1" } ] } ] } ],
          "cvss_v3": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
          "references": [ { "type": "fix", "url": "https://nodes.example.org/commit/{{k}}" } ],
          "credits": []
        }
        """;

    /// <summary>The index (0-2) of the server whose session holds <paramref name="job"/>'s advisory lock, waiting for one to take it.</summary>
    private static async Task<int> HolderAsync(string database, string job)
    {
        var key = JobLocks.KeyOf(job);
        await using var connection = new NpgsqlConnection(Connection(database, "firebreak-test"));
        await connection.OpenAsync(Ct);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var command = new NpgsqlCommand("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = @high AND l.objid::bigint = @low AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, connection);
            command.Parameters.AddWithValue("high", (long)(uint)(key >> 32));
            command.Parameters.AddWithValue("low", (long)(uint)key);
            if (await command.ExecuteScalarAsync(Ct) is string name && NodeName().Match(name) is { Success: true } match)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"No server took the {job} job within 30 seconds.");
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what, ServerProcess?[] nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not done within 45 seconds: {what}.\n" + string.Join("\n----\n", nodes.Select(n => n?.Output)));
            await Task.Delay(200, Ct);
        }
    }

    private static async Task SignInAsync(HttpClient browser, Uri formFrom, Uri postTo, string email)
    {
        var html = await browser.GetStringAsync(new Uri(formFrom, "/account/login"), Ct);
        var token = Token().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var response = await browser.PostAsync(new Uri(postTo, "/account/login"), form, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in with a form from {formFrom} posted to {postTo}: {(int)response.StatusCode}");
    }

    private static async Task<string> CreateUserAsync(string database, string kek, DirectoryInfo folder, string email)
    {
        var (exit, output, error) = await ServerProcess.RunAsync(RepositoryRoot.BuiltServer, folder.FullName, NodeEnvironment(database, kek, 1),
            ["admin", "create-user", "--email", email, "--admin", "--token", "--password-stdin"], Ct, Password);
        Assert.True(exit == 0, $"create-user exited {exit}: {error}");
        // The token's own line: a log line printed after it (a warning on a busy machine) must not be taken for it.
        var token = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Firebreak.Web.Infrastructure.Auth.ApiTokens.Prefix, StringComparison.Ordinal));
        Assert.True(token is not null, $"create-user printed no token:\n{output}\n{error}");
        return token;
    }

    private static ServerProcess Start(string database, string kek, DirectoryInfo folder, int node) =>
        ServerProcess.Start(RepositoryRoot.BuiltServer, folder.FullName, NodeEnvironment(database, kek, node));

    private static Dictionary<string, string> NodeEnvironment(string database, string kek, int node)
    {
        var smtp = MailSink.Smtp!.Value;
        return new()
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Firebreak"] = Connection(database, $"firebreak-node{node}"),
            ["Firebreak__KeyEncryptionKey"] = kek,
            ["Mail__Smtp__Host"] = smtp.Host,
            ["Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "none",
            ["Mail__PollInterval"] = "00:00:01",
            ["Mail__Lease"] = "00:00:05",
            ["Disclosure__PollInterval"] = "00:00:01",
        };
    }

    private static string Connection(string database, string application) =>
        new NpgsqlConnectionStringBuilder(ServerConnection) { Database = database, ApplicationName = application }.ConnectionString;

    private static async Task<Uri> HealthyAsync(ServerProcess server)
    {
        var url = new Uri($"http://127.0.0.1:{await server.Port}");
        using var client = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(url, "/health"), Ct);
                if (response.IsSuccessStatusCode) return url;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The server did not answer /health within 60 seconds:\n" + server.Output);
    }

    private static HttpClient Api(Uri url, string token)
    {
        var client = new HttpClient { BaseAddress = url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("^firebreak-node(\\d)$")]
    private static partial Regex NodeName();
}
