using Microsoft.Extensions.Logging;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>Keeps every log line (all levels, with the exception's text) so a test can look for what must never be logged.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(_lines, categoryName);

    public void Dispose() { }

    private sealed class Collector(List<string> into, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (into) into.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
