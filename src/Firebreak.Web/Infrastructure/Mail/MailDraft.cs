namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>A message to put in the outbox.</summary>
/// <param name="DedupKey">Unique per logical message (e.g. <c>ack:{incident}</c>): a second enqueue is ignored.</param>
/// <param name="To">One recipient address.</param>
/// <param name="Subject">One line.</param>
/// <param name="TextBody">The plain-text body (Markdown).</param>
/// <param name="HtmlBody">Already sanitised HTML, or null for text only.</param>
/// <param name="Purpose">What the message is for; delivery observers switch on it.</param>
/// <param name="ProjectId">The project it concerns, if any.</param>
/// <param name="IncidentId">The incident it concerns, if any.</param>
/// <param name="NotBefore">Held in the outbox until this instant (a notice scheduled ahead); null to send at once.</param>
internal sealed record MailDraft(string DedupKey, string To, string Subject, string TextBody, string? HtmlBody,
    string Purpose, Guid? ProjectId = null, Guid? IncidentId = null, DateTimeOffset? NotBefore = null);
