using System.Net;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Incidents;

/// <summary>JSON that is well-formed but hostile: nulls where lists hold text, huge numbers, wrong types. Never a 500.</summary>
public class HostileJsonTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Slug, string Incident)> SetupAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"h{Guid.NewGuid():N}"[..12];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Hostile" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "kev-match", title = "t", severity = "low" }, HttpStatusCode.Created);
        return (api, slug, (string)incident["id"]!);
    }

    public static TheoryData<string, string> Bodies => new()
    {
        { "POST", "/api/v1/projects|{\"slug\":\"x1\",\"name\":\"X\",\"securityContacts\":[null]}" },
        { "POST", "/api/v1/projects|{\"slug\":null,\"name\":null}" },
        { "PUT", "/api/v1/projects/{slug}/policy|{\"severityTable\":[{\"severity\":\"critical\",\"examples\":\"\",\"firstActionSeconds\":9223372036854775807}],\"userSafetyClasses\":[],\"acknowledgementSeconds\":1,\"fixTargetSeconds\":1,\"userSafetyFixTargetSeconds\":1,\"disclosureWindowSeconds\":1,\"roleHolders\":{}}" },
        { "PUT", "/api/v1/projects/{slug}/policy|{\"severityTable\":[null],\"userSafetyClasses\":[null]}" },
        { "PUT", "/api/v1/projects/{slug}/policy|{\"severityTable\":[],\"userSafetyClasses\":[null],\"acknowledgementSeconds\":-5}" },
        { "PATCH", "/api/v1/incidents/{id}|{\"details\":{\"cwes\":[null,\"CWE-79\"],\"identifiers\":[null]}}" },
        { "PATCH", "/api/v1/incidents/{id}|{\"assignments\":{\"board\":null,\"janitor\":\"x\"}}" },
        { "PATCH", "/api/v1/incidents/{id}|{\"severity\":42}" },
        { "PATCH", "/api/v1/incidents/{id}|{\"stage\":\"duplicate\"}" },
        { "POST", "/api/v1/incidents/{id}/steps/read-output/complete|{\"evidence\":{\"run\":null,\"match\":123}}" },
        { "POST", "/api/v1/incidents/{id}/steps/confirm/decide|{\"option\":null}" },
        { "POST", "/api/v1/incidents/{id}/steps/..%2F..%2Fetc/skip|{\"reason\":\"x\"}" },
        { "POST", "/api/v1/cvss/score|{\"vectors\":[null]}" },
        { "GET", "/api/v1/projects/{slug}/incidents?breached=maybe|" },
        { "GET", "/api/v1/projects/{slug}/incidents?severity=%3Cscript%3E|" },
        { "POST", "/api/v1/incidents/{id}/disclosure|{\"dueAt\":null,\"reason\":null,\"agreedBy\":[null]}" },
        { "POST", "/api/v1/incidents/{id}/disclosure|{\"dueAt\":\"9999-12-31T23:59:59Z\",\"reason\":\"x\",\"agreedBy\":[\"maintainers\"]}" },
        { "POST", "/api/v1/incidents/{id}/disclosure|{\"dueAt\":\"tomorrow\",\"reason\":\"x\"}" },
        { "POST", "/api/v1/incidents/{id}/disclosure/exploitation|{\"evidence\":null}" },
        { "POST", "/api/v1/incidents/{id}/disclosure/exploitation|[1,2,3]" },
        { "PUT", "/api/v1/incidents/{id}/advisory|null" },
        { "PUT", "/api/v1/incidents/{id}/advisory|[]" },
        { "PUT", "/api/v1/incidents/{id}/advisory|" + new string('[', 100) + new string(']', 100) },
        { "POST", "/api/v1/incidents/{id}/advisory/review|{\"publishAt\":\"not a date\"}" },
        { "POST", "/api/v1/incidents/{id}/advisory/approve|{\"publishAt\":12}" },
        { "POST", "/api/v1/incidents/{id}/advisory/return|{\"reason\":null}" },
        { "POST", "/api/v1/incidents/{id}/advisory/schedule|{}" },
        { "POST", "/api/v1/incidents/{id}/advisory/withdraw|{\"reason\":[\"x\"]}" },
        { "POST", "/api/v1/incidents/{id}/advisory/notices|{\"publishAt\":\"0001-01-01T00:00:00Z\"}" },
        { "GET", "/api/v1/incidents/{id}/advisory?format=..%2F..%2Fetc%2Fpasswd|" },
        { "PUT", "/api/v1/projects/{slug}/disclosure-settings|{\"privateRecipients\":[null,\"a@b.c\"],\"privateNoticeSubject\":null}" },
        { "PUT", "/api/v1/projects/{slug}/disclosure-settings|{\"privateNoticeSubject\":\"{{ x\",\"privateNoticeBody\":\"b\",\"announcementSubject\":\"s\",\"announcementBody\":\"{% for %}\"}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task HostileBody_IsAnsweredWithAProblemNotAnError(string method, string request)
    {
        var (api, slug, id) = await SetupAsync();
        var parts = request.Split('|', 2);
        using var message = new HttpRequestMessage(new HttpMethod(method), parts[0].Replace("{slug}", slug, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal));
        if (parts[1].Length > 0) message.Content = new StringContent(parts[1], System.Text.Encoding.UTF8, "application/json");
        using var response = await api.SendAsync(message, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{method} {parts[0]} → {(int)response.StatusCode}: {text}");
        if ((int)response.StatusCode >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
