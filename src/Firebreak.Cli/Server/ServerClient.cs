using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>
/// Calls the server's REST API with the stored token and maps its answers to exit codes:
/// 401/403 → Unauthorized, 404 → NotFound, 400/422 → InvalidInput (with the problem's detail),
/// anything else or no answer → ServerError.
/// </summary>
internal sealed class ServerClient(CliContext context)
{
    public async Task<(int Exit, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        var (exit, _, json) = await SendForTextAsync(method, path, body, ct);
        return (exit, json);
    }

    /// <summary>As <see cref="SendAsync"/>, also giving the answer's text (for documents that are not JSON).</summary>
    public Task<(int Exit, string? Text, JsonNode? Body)> SendForTextAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct) =>
        SendContentAsync(method, path, body is null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), ct);

    /// <summary>Sends a document as it is (a register file), with its media type.</summary>
    public Task<(int Exit, string? Text, JsonNode? Body)> SendDocumentAsync(HttpMethod method, string path, string document, string mediaType, CancellationToken ct) =>
        SendContentAsync(method, path, new StringContent(document, new System.Text.UTF8Encoding(false), mediaType), ct);

    /// <summary>Says why the server refused, and gives the exit code for it.</summary>
    private async Task<int> RefusedAsync(HttpResponseMessage response, JsonNode? json)
    {
        var detail = (string?)json?["detail"] ?? (string?)json?["title"] ?? response.ReasonPhrase;
        await context.Error.WriteLineAsync($"firebreak: {(int)response.StatusCode} {detail}");
        if (json?["errors"] is JsonObject errors) // a validation problem: one line per field or item
            foreach (var (field, messages) in errors)
                foreach (var message in messages as JsonArray ?? []) await context.Error.WriteLineAsync($"  {field}: {Output.S(message)}");
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Unauthorized,
            HttpStatusCode.NotFound => ExitCodes.NotFound,
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict => ExitCodes.InvalidInput,
            _ => ExitCodes.ServerError,
        };
    }

    /// <summary>A GET whose answer is a file, written to <paramref name="destination"/> as it arrives; refusals are mapped as for <see cref="SendAsync"/>.</summary>
    public async Task<int> DownloadAsync(string path, Stream destination, CancellationToken ct)
    {
        var config = CliConfig.Load(context.ConfigPath);
        if (config is null || !Uri.TryCreate(config.Server, UriKind.Absolute, out var server)) return (await SendAsync(HttpMethod.Get, path, null, ct)).Exit; // says why
        using var client = context.CreateHttpClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", config.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                JsonNode? json = null;
                try { json = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (System.Text.Json.JsonException) { }
                return await RefusedAsync(response, json);
            }
            await response.Content.CopyToAsync(destination, ct);
            return ExitCodes.Ok;
        }
        catch (HttpRequestException e)
        {
            await context.Error.WriteLineAsync($"firebreak: cannot reach {server}: {e.Message}");
            return ExitCodes.ServerError;
        }
    }

    private async Task<(int Exit, string? Text, JsonNode? Body)> SendContentAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        var config = CliConfig.Load(context.ConfigPath);
        if (config is null)
        {
            await context.Error.WriteLineAsync("firebreak: not signed in; run `firebreak login --server URL --token TOKEN` first.");
            return (ExitCodes.Unauthorized, null, null);
        }
        if (!Uri.TryCreate(config.Server, UriKind.Absolute, out var server))
        {
            await context.Error.WriteLineAsync($"firebreak: the stored server '{config.Server}' is not an absolute URL.");
            return (ExitCodes.Usage, null, null);
        }
        using var client = context.CreateHttpClient(server);
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", config.Token);
        request.Content = content;
        try
        {
            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try { json = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (System.Text.Json.JsonException) { }
            if (response.IsSuccessStatusCode) return (ExitCodes.Ok, text, json);
            return (await RefusedAsync(response, json), text, json);
        }
        catch (HttpRequestException e)
        {
            await context.Error.WriteLineAsync($"firebreak: cannot reach {server}: {e.Message}");
            return (ExitCodes.ServerError, null, null);
        }
    }
}
