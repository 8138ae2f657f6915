using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Firebreak.Web.Tests.Integrations;

/// <summary>Posts deliveries as GitHub does: the raw body, its HMAC-SHA256 under the secret, the event and delivery headers.</summary>
public static class HookSender
{
    /// <summary>The GitHub payloads shipped with the project's shared test data, read at run time (never copied here).</summary>
    public static string PayloadFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Firebreak.slnx"))) continue;
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata", "webhooks", "github"));
                if (!Directory.Exists(folder)) throw new InvalidOperationException($"The GitHub payloads are not at {folder}.");
                return folder;
            }
            throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }

    public static byte[] Payload(string file) => File.ReadAllBytes(Path.Combine(PayloadFolder, file));

    /// <summary>A shared payload with changes made at run time (another action, another id).</summary>
    public static byte[] Payload(string file, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Payload(file))!;
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static string Sign(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static async Task<(int Status, JsonNode? Body)> PostAsync(HttpClient client, string path, string? @event, string? delivery, byte[] body,
        string? signature, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (@event is not null) request.Headers.Add("X-GitHub-Event", @event);
        if (delivery is not null) request.Headers.Add("X-GitHub-Delivery", delivery);
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
