namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// <c>Mail:From</c> and the relay under <c>Mail:Smtp</c>: Host (none = keep mail in the outbox),
/// Port, Security (<c>auto</c>, <c>none</c>, <c>starttls</c>, <c>tls</c>), User, Password.
/// </summary>
internal sealed class MailOptions
{
    public string From { get; set; } = "firebreak@localhost";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts before a message is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the worker looks for due mail when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a server's claim on a message lasts (<c>Mail:Lease</c>, default two minutes, longer than a relay's
    /// whole timeout): a server that dies while sending leaves the message to another server when the lease ends.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string Security { get; set; } = "auto";

    public string? User { get; set; }

    public string? Password { get; set; }
}
