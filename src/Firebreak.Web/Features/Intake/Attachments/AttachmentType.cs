namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// What an attachment is, decided from its first bytes (never from the client's name or
/// Content-Type). The set is closed: anything else is refused at the door.
/// </summary>
internal enum AttachmentType
{
    /// <summary>UTF-8 text (logs, proofs of concept) that is not markup.</summary>
    Text,

    /// <summary>UTF-8 text that parses as one JSON document.</summary>
    Json,

    /// <summary>PNG image.</summary>
    Png,

    /// <summary>JPEG image.</summary>
    Jpeg,

    /// <summary>GIF image.</summary>
    Gif,

    /// <summary>PDF document.</summary>
    Pdf,

    /// <summary>ZIP archive (stored as it came, never opened by the server).</summary>
    Zip,
}
