using System.Collections.Concurrent;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Firebreak.Web.Tests.Chat;

/// <summary>
/// A chat service on loopback (Kestrel): records every request (method, path, headers, raw body) and answers with the
/// next status the test queued (200 when none is queued).
/// </summary>
internal sealed class ChatReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private LoopbackHttpServer _server = null!;

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);

        public System.Text.Json.Nodes.JsonNode Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!;
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Port => _server.Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses) _statuses.Enqueue(status);
    }

    public static async Task<ChatReceiver> StartAsync()
    {
        var receiver = new ChatReceiver();
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var status = _statuses.TryDequeue(out var queued) ? queued : 200;
        Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray(), status));
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status == 200 ? "{\"ok\":true}" : "{\"error\":\"down\"}");
    }

    /// <summary>Waits (real time, up to 30 s) until <paramref name="done"/> holds, advancing the server's fake clock by a minute each round when asked.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<Received>, bool> done, FirebreakFactory? advance = null)
    {
        for (var i = 0; i < 300; i++)
        {
            if (done([.. Requests])) return;
            advance?.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"the receiver saw {Requests.Count} request(s): " + string.Join("; ", Requests.Select(r => $"{r.Method} {r.Path} → {r.Answered}")));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
