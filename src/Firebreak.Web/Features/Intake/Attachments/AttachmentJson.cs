namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>An attachment as listed (never its content): what the detector found, its size and hash, who added it and when.</summary>
internal sealed record AttachmentJson(Guid Id, string FileName, string Type, long Size, string Sha256, string UploadedBy, DateTime UploadedAt);
