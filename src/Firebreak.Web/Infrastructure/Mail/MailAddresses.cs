using System.Net.Mail;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>The one test for "this text is a single plain e-mail address" (no display name, no list, at most 320 characters).</summary>
internal static class MailAddresses
{
    public static bool IsPlain(string? text) =>
        text is { Length: > 0 and <= 320 } && text.Contains('@', StringComparison.Ordinal) && !text.StartsWith('@')
        && MailAddress.TryCreate(text, out var address) && address.Address == text;
}
