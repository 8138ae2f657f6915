using Firebreak.Domain.Common;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>
/// One message in a report's thread. Reporter messages are always visible to both sides;
/// a maintainer's message is internal unless shared, and only shared ones reach the portal.
/// Messages are never edited: a correction is a new message.
/// </summary>
internal sealed class ReportMessage
{
    public const int MaxLength = 50_000;

    private ReportMessage() { }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public bool FromReporter { get; private set; }

    /// <summary>"reporter", or the maintainer's account name.</summary>
    public string Author { get; private set; } = "";

    /// <summary>Markdown, rendered through the sanitiser wherever shown.</summary>
    public string Body { get; private set; } = "";

    /// <summary>Visible in the reporter's portal.</summary>
    public bool Shared { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Order in the thread: the incident's version when the message was recorded (messages at one instant keep their order).</summary>
    public int Sequence { get; private set; }

    public static ReportMessage FromTheReporter(Guid incidentId, int sequence, string? body, DateTimeOffset now) =>
        Create(incidentId, sequence, true, "reporter", body, shared: true, now);

    public static ReportMessage FromMaintainer(Guid incidentId, int sequence, string author, string? body, bool shared, DateTimeOffset now) =>
        Create(incidentId, sequence, false, author, body, shared, now);

    /// <summary>Checks a message body before anything is recorded.</summary>
    public static string CheckBody(string? body)
    {
        body = (body ?? "").Trim();
        if (body.Length == 0) throw new DomainException("A message cannot be empty.");
        if (body.Length > MaxLength) throw new DomainException($"A message is longer than {MaxLength:N0} characters.");
        return body;
    }

    private static ReportMessage Create(Guid incidentId, int sequence, bool fromReporter, string author, string? body, bool shared, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), IncidentId = incidentId, Sequence = sequence, FromReporter = fromReporter, Author = author,
            Body = CheckBody(body), Shared = shared, CreatedAt = now.UtcDateTime,
        };
}
