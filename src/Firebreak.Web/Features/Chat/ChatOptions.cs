namespace Firebreak.Web.Features.Chat;

/// <summary><c>Chat:*</c>: how hard the worker tries.</summary>
internal sealed class ChatOptions
{
    /// <summary>Attempts before a delivery is parked as failed (with the back-off, about 2.5 hours of trying).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often the worker looks for due deliveries when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
