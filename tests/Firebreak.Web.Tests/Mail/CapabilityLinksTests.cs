using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Mail;

namespace Firebreak.Web.Tests.Mail;

public class CapabilityLinksTests
{
    private const string Secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE"; // 43 base64url characters, as Secrets.New makes

    [Fact]
    public void A_link_holding_a_secret_and_a_bare_secret_are_removed_from_the_kept_copy()
    {
        var kept = CapabilityLinks.Redact($"Your portal: https://firebreak.example/portal/{Secret}?x=1 and the code {Secret}.");
        Assert.DoesNotContain(Secret, kept, StringComparison.Ordinal);
        Assert.Equal($"Your portal: {CapabilityLinks.Removed} and the code {CapabilityLinks.Removed}.", kept);
    }

    [Fact]
    public void A_signed_checkpoint_is_kept_as_sent_even_when_its_signature_holds_a_run_of_43_letters()
    {
        // Seen in CI: a base64 signature whose run of letters after a "\u002B" escape was cut out of the JSON.
        Assert.True(CapabilityLinks.CarriesNone(TakeCheckpoint.MailPurpose));
        var body = $"{{\"signature\": \"\\u002B{Secret}\"}}";
        var message = new OutboxMessage(new MailDraft($"{TakeCheckpoint.MailPurpose}:1", "auditor@example.test", "checkpoint", body, null, TakeCheckpoint.MailPurpose), DateTimeOffset.UnixEpoch);
        message.MarkSent(DateTimeOffset.UnixEpoch.AddMinutes(1));
        Assert.Equal(body, message.TextBody);
        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Null(message.LeasedUntil);
    }

    [Fact]
    public void Any_other_purpose_is_redacted_when_sent()
    {
        Assert.False(CapabilityLinks.CarriesNone("ack"));
        var message = new OutboxMessage(new MailDraft("ack:1", "reporter@example.test", "received", $"https://firebreak.example/portal/{Secret}", null, "ack"), DateTimeOffset.UnixEpoch);
        message.MarkSent(DateTimeOffset.UnixEpoch.AddMinutes(1));
        Assert.Equal(CapabilityLinks.Removed, message.TextBody);
    }
}
