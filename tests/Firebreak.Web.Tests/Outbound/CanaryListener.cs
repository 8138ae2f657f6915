using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Firebreak.Web.Tests.Outbound;

/// <summary>
/// A listener on 127.0.0.1 (and ::1 on the same port when the machine has IPv6 loopback) that counts every TCP connection
/// it accepts, whatever is sent on it, and answers a minimal HTTP 200. A connection is a hit: the guard failed.
/// </summary>
internal sealed class CanaryListener : IDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stop = new();
    private int _hits;

    public CanaryListener()
    {
        var v4 = new TcpListener(IPAddress.Loopback, 0);
        v4.Start();
        _listeners.Add(v4);
        Port = ((IPEndPoint)v4.LocalEndpoint).Port;
        try
        {
            var v6 = new TcpListener(IPAddress.IPv6Loopback, Port);
            v6.Start();
            _listeners.Add(v6);
            ListensOnIPv6 = true;
        }
        catch (SocketException)
        {
            // no IPv6 loopback here: the IPv6 forms are still refused before any connection
        }
        foreach (var listener in _listeners) _ = AcceptAsync(listener);
    }

    public int Port { get; }

    public bool ListensOnIPv6 { get; }

    public int Hits => Volatile.Read(ref _hits);

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _hits);
            using (socket)
            {
                try
                {
                    await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\ncanary"));
                }
                catch (SocketException)
                {
                    // the client went away
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var listener in _listeners) listener.Stop();
        _stop.Dispose();
    }
}
