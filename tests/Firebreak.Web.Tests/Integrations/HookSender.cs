using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Integrations;

/// <summary>Posts deliveries as GitHub does: the raw body, its HMAC-SHA256 under the secret, the event and delivery headers.</summary>
public static class HookSender
{
    /// <summary>The GitHub payloads shipped with the project's shared test data, read at run time (never copied here).</summary>
    public static string PayloadFolder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "testdata", "webhooks", "github"));
            return Directory.Exists(folder) ? folder : throw new InvalidOperationException($"The GitHub payloads are not at {folder}.");
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
