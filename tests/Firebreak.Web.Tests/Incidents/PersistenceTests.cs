using System.Net;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Incidents;

public class PersistenceTests
{
    [Fact]
    public async Task SqliteData_SurvivesARestartOfTheServer()
    {
        var file = Path.Combine(Path.GetTempPath(), $"firebreak-restart-{Guid.NewGuid():N}.db");
        try
        {
            string id;
            await using (var first = new SqliteFactory(file, keepFile: true))
            {
                var (api, _) = await first.CreateUserClientAsync(admin: true, email: "keeper@example.test");
                await api.PostJsonAsync("/api/v1/projects", new { slug = "kept", name = "Kept" }, HttpStatusCode.Created);
                var incident = await api.PostJsonAsync("/api/v1/projects/kept/incidents",
                    new { kind = "other", title = "Survives restarts", severity = "low" }, HttpStatusCode.Created);
                id = (string)incident["id"]!;
                await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = "written before the restart" });
            }

            await using var second = new SqliteFactory(file, keepFile: true);
            var (again, _) = await second.CreateUserClientAsync(admin: true);
            var reread = await again.GetJsonAsync($"/api/v1/incidents/{id}");
            Assert.Equal("Survives restarts", (string?)reread["title"]);
            var timeline = await again.GetJsonAsync($"/api/v1/incidents/{id}/timeline");
            Assert.Contains(timeline.AsArray(), e => (string?)e!["text"] == "written before the restart");
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            if (Directory.Exists(file + ".data")) Directory.Delete(file + ".data", recursive: true); // its key-encryption key
        }
    }
}
