namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>A message of a report's thread as the API shows it.</summary>
internal sealed record MessageJson(Guid Id, string Author, bool FromReporter, bool Shared, string Body, DateTime CreatedAt)
{
    public static MessageJson From(ReportMessage m) => new(m.Id, m.Author, m.FromReporter, m.Shared, m.Body, m.CreatedAt);

    /// <summary>The portal never names maintainers: their messages come from "the maintainers".</summary>
    public static MessageJson ForReporter(ReportMessage m) =>
        new(m.Id, m.FromReporter ? "you" : "the maintainers", m.FromReporter, true, m.Body, m.CreatedAt);
}

/// <summary>A message to post: its Markdown body, and whether the reporter sees it.</summary>
internal sealed record MessageRequest(string? Body, bool Shared);
