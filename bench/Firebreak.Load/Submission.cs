using System.Text;
using System.Text.Json.Nodes;

namespace Firebreak.Load;

/// <summary>What the load sends: an anonymous report to the public intake, or an incident opened through the API with a token.</summary>
internal enum SubmissionKind { Reports, Incidents }

/// <summary>One answered POST: its status and, for a 201, the number the server gave (the receipt's "slug#N", or the incident's number).</summary>
internal readonly record struct Answer(int Status, int? Number);

/// <summary>
/// Builds and sends one submission carrying a unique marker ("load-RUN-N") in its title, so a later check finds every
/// acknowledged one exactly once. Status 0 means no answer at all (refused connection, reset, the server killed).
/// </summary>
internal static class Submission
{
    public static Uri Target(Uri server, string slug, SubmissionKind kind) => new(server, kind switch
    {
        SubmissionKind.Reports => $"/api/v1/projects/{slug}/reports",
        SubmissionKind.Incidents => $"/api/v1/projects/{slug}/incidents",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    });

    public static string Marker(string run, int i) => $"load-{run}-{i}";

    public static string Body(SubmissionKind kind, string marker) => kind switch
    {
        SubmissionKind.Reports => $$"""{"title":"Load report {{marker}}","description":"Reproduction steps for {{marker}}: send a crafted request and observe the response.","affectedVersions":"1.0.0","contact":null,"credit":"anonymous","consent":false}""",
        SubmissionKind.Incidents => $$"""{"kind":"other","title":"Load incident {{marker}}","summary":"Opened by the load for {{marker}}.","severity":"low"}""",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The marker a stored title carries, or null for a title the load did not write.</summary>
    public static string? MarkerOf(string title)
    {
        var at = title.IndexOf("load-", StringComparison.Ordinal);
        return at < 0 ? null : title[at..];
    }

    public static async Task<(Answer Answer, string? Refusal)> SendAsync(HttpClient http, Uri url, SubmissionKind kind, string marker, CancellationToken ct)
    {
        using var content = new StringContent(Body(kind, marker), Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(url, content, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status != 201) return (new Answer(status, null), text);
            return (new Answer(status, NumberOf(kind, JsonNode.Parse(text)!)), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (new Answer(0, null), e.Message);
        }
    }

    private static int NumberOf(SubmissionKind kind, JsonNode receipt) => kind switch
    {
        SubmissionKind.Reports => int.Parse(((string)receipt["reference"]!).Split('#')[1], System.Globalization.CultureInfo.InvariantCulture),
        SubmissionKind.Incidents => (int)receipt["number"]!,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
