namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>A file as it arrived: the client's name (unsafe until checked) and its bytes.</summary>
internal sealed record AttachmentUpload(string? FileName, byte[] Content);

/// <summary>A file the limits and the content check let through: the safe name, the detected type, the SHA-256.</summary>
internal sealed record AcceptedAttachment(string FileName, AttachmentType Type, byte[] Content, string Sha256);
