using System.Net;
using System.Net.Sockets;

namespace Firebreak.Domain.Tests.Common;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (a free port) answering fixed routes, so feed downloads are tested without
/// the internet. A route answers (status, body, chunked); anything else is 404. Requests are counted.
/// </summary>
public sealed class LoopbackFeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, byte[] Body, bool Chunked)> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _requests;

    public LoopbackFeedServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public string Serve(string path, byte[] body, int status = 200, bool chunked = false)
    {
        lock (_routes) _routes[path] = (status, body, chunked);
        return BaseUrl + path;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Interlocked.Increment(ref _requests);
            (int Status, byte[] Body, bool Chunked) route;
            lock (_routes) route = _routes.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var found) ? found : (404, "not found"u8.ToArray(), false);
            var response = context.Response;
            response.StatusCode = route.Status;
            if (route.Status is >= 300 and < 400) response.RedirectLocation = context.Request.Url!.AbsoluteUri;
            if (route.Chunked) response.SendChunked = true;
            else response.ContentLength64 = route.Body.Length;
            try { await response.OutputStream.WriteAsync(route.Body); response.Close(); }
            catch (HttpListenerException) { response.Abort(); }
        }
    }
}
