namespace Firebreak.Cli.Common;

/// <summary>
/// What a command talks to: standard streams and the environment. Tests pass their own so the
/// whole CLI runs in-process with captured output.
/// </summary>
internal sealed class CliContext(TextReader input, TextWriter output, TextWriter error)
{
    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Where `firebreak login` keeps the server URL and token; FIREBREAK_CONFIG overrides.</summary>
    public string ConfigPath { get; init; } =
        Environment.GetEnvironmentVariable("FIREBREAK_CONFIG") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "firebreak", "config.json");

    /// <summary>The clock (expiry checks); tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Lets tests route server commands to an in-memory test server.</summary>
    public Func<Uri, HttpClient> CreateHttpClient { get; init; } = baseAddress => new HttpClient { BaseAddress = baseAddress };

    /// <summary>The client `db import` downloads feeds with; tests keep the default and serve from loopback.</summary>
    public Func<HttpClient> CreateFeedClient { get; init; } = Db.FeedDownload.CreateClient;

    /// <summary>The size cap of one feed download (512 MiB); tests lower it.</summary>
    public long FeedByteLimit { get; init; } = Db.FeedDownload.DefaultMaxBytes;

    /// <summary>Reads an environment variable (feed URL defaults); tests pass their own.</summary>
    public Func<string, string?> GetEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    public static CliContext FromConsole() =>
        // Buffered output: `cvss score` may print a million lines.
        new(Console.In, new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false }, Console.Error);
}
