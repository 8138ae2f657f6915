using MimeKit;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>
/// The real SMTP server on loopback that scripts/test starts (FIREBREAK_TEST_SMTP), which writes
/// every message it accepts into FIREBREAK_TEST_MAILDIR. Tests wait for a message to a unique
/// address and read it with MimeKit.
/// </summary>
public static class MailSink
{
    public static (string Host, int Port)? Smtp =>
        Environment.GetEnvironmentVariable("FIREBREAK_TEST_SMTP") is { } value && value.Split(':') is [var host, var port]
            ? (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static string? Folder => Environment.GetEnvironmentVariable("FIREBREAK_TEST_MAILDIR");

    /// <summary>Skips (locally) or fails (under CI=true) when there is no SMTP server.</summary>
    public static void Require()
    {
        RequiredPart.Require(Smtp is not null && Folder is not null,
            "No SMTP server on loopback (set FIREBREAK_TEST_SMTP and FIREBREAK_TEST_MAILDIR, or run scripts/test).", "e-mail");
    }

    /// <summary>Waits (up to <paramref name="seconds"/>) for messages to the address; returns them oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string to, int count = 1, int seconds = 20)
    {
        Require();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = Read(to);
            if (found.Count >= count || DateTime.UtcNow > deadline) return found;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The messages received so far for the address.</summary>
    public static IReadOnlyList<MimeMessage> Read(string to)
    {
        Require();
        var messages = new List<(DateTime, MimeMessage)>();
        foreach (var file in Directory.EnumerateFiles(Folder!, "*.eml"))
        {
            var message = MimeMessage.Load(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                messages.Add((File.GetLastWriteTimeUtc(file), message));
        }
        return messages.OrderBy(m => m.Item1).Select(m => m.Item2).ToList();
    }
}
