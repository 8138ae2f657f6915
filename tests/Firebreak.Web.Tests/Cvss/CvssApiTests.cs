using System.Net;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Cvss;

public class CvssApiTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Score_ManyVectors_ScoresValidAndExplainsInvalidOnes()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: false);
        var results = (await api.PostJsonAsync("/api/v1/cvss/score", new
        {
            vectors = new[]
            {
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C",
                "CVSS:4.0/AV:N/AV:N",
                "<script>alert(1)</script>",
            },
        })).AsArray();

        Assert.Equal(4, results.Count);
        Assert.Equal(9.3, (double)results[0]!["score"]!);
        Assert.Equal("critical", (string?)results[0]!["severity"]);
        Assert.Equal("CVSS-B", (string?)results[0]!["nomenclature"]);
        Assert.Equal(9.8, (double)results[1]!["baseScore"]!);
        Assert.Equal(8.5, (double)results[1]!["temporalScore"]!);
        Assert.False((bool)results[2]!["valid"]!);
        Assert.Contains("AV appears more than once", (string?)results[2]!["error"], StringComparison.Ordinal);
        Assert.Equal(14, (int)results[2]!["errorPosition"]!);
        Assert.False((bool)results[3]!["valid"]!);
    }

    [Fact]
    public async Task Score_StrictAndOutOfOrder_IsRejected()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: false);
        var lenient = await api.PostJsonAsync("/api/v1/cvss/score", new { vector = "CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H" });
        Assert.True((bool)lenient[0]!["valid"]!);
        Assert.Single(lenient[0]!["warnings"]!.AsArray());
        var strict = await api.PostJsonAsync("/api/v1/cvss/score", new { vector = "CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", strict = true });
        Assert.False((bool)strict[0]!["valid"]!);
    }

    [Fact]
    public async Task Score_NothingOrTooMany_IsUnprocessable()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: false);
        await api.PostJsonAsync("/api/v1/cvss/score", new { }, HttpStatusCode.UnprocessableEntity);
        var many = Enumerable.Repeat("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 10_001).ToArray();
        var problem = await api.PostJsonAsync("/api/v1/cvss/score", new { vectors = many }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("At most 10000", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentDetails_InvalidVector_IsRejectedAndValidOneCanonicalised()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await api.PostJsonAsync("/api/v1/projects", new { slug = "cvss-incidents", name = "CVSS" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync("/api/v1/projects/cvss-incidents/incidents",
            new { kind = "other", title = "Scored", severity = "low" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;

        var bad = await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { details = new { cvssV4 = "CVSS:4.0/AV:N/AC:Q" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'Q' is not a value of AC", (string?)bad["detail"], StringComparison.Ordinal);
        var wrongField = await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { details = new { cvssV3 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("CVSS v3 field", (string?)wrongField["detail"], StringComparison.Ordinal);

        var good = await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { details = new { cvssV4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N" } });
        Assert.Equal("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", (string?)good["details"]!["cvssV4"]);
    }
}
