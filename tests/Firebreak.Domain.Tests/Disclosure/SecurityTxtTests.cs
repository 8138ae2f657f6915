using Firebreak.Cli.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

public sealed class SecurityTxtTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    private static SecurityTxt Sample => new(
        [new Uri("mailto:security@example.org"), new Uri("https://example.org/report")], Now.AddDays(180),
        Policy: new Uri("https://example.org/security"), Acknowledgments: new Uri("https://example.org/thanks"),
        PreferredLanguages: ["en", "de"], Canonical: [new Uri("https://example.org/.well-known/security.txt")]);

    [Fact]
    public void Format_Generated_IsValidAndWellOrdered()
    {
        var text = Sample.Format();
        Assert.Empty(SecurityTxtValidator.Validate(text, Now));
        Assert.Contains("Expires: 2027-05-23T09:00:00.000Z\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Contact:", StringComparison.Ordinal) < text.IndexOf("Expires:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("security@example.org", "mailto:security@example.org")]
    [InlineData("https://example.org/security", "https://example.org/security")]
    [InlineData(" https://example.org/security?via=txt ", "https://example.org/security?via=txt")]
    [InlineData("http://example.org/security", null)]
    [InlineData("mailto:security@example.org", null)]
    [InlineData("not an address", null)]
    public void ContactUri_IsTheContactAsGiven_OrNoneWhenRfc9116DoesNotAllowIt(string contact, string? expected)
    {
        Assert.Equal(expected, SecurityTxt.ContactUri(contact)?.AbsoluteUri);
        if (expected is not null)
            Assert.Empty(SecurityTxtValidator.Validate(new SecurityTxt([SecurityTxt.ContactUri(contact)!], Now.AddDays(30)).Format(), Now));
    }

    [Theory]
    [InlineData("Contact: tel:+1-201-555-0123\nExpires: 2027-01-01T00:00:00Z\n")]
    [InlineData("Contact: mailto:security@example.org?subject=report\nExpires: 2027-01-01T00:00:00Z\n")]
    public void Validate_WellFormedTelAndMailto_Pass(string text) => Assert.Empty(SecurityTxtValidator.Validate(text, Now));

    [Theory]
    [InlineData("Expires: 2027-01-01T00:00:00.000Z\n", 0, "Contact is required")]
    [InlineData("Contact: mailto:a@example.org\n", 0, "Expires is required")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 2027-01-01T00:00:00Z\nExpires: 2027-02-01T00:00:00Z\n", 0, "Expires must appear only once")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 1 January 2027\n", 2, "not an RFC 3339 date-time")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 2026-01-01T00:00:00Z\n", 2, "expired on 2026-01-01")]
    [InlineData("Contact: http://example.org/report\nExpires: 2027-01-01T00:00:00Z\n", 1, "must be an https URI")]
    [InlineData("Contact: ftp://example.org\nExpires: 2027-01-01T00:00:00Z\n", 1, "must be a mailto:, tel: or https: URI")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 2027-01-01T00:00:00Z\nPolicy: mailto:x@example.org\n", 3, "Policy must be an https URI")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 2027-01-01T00:00:00Z\nPreferred-Languages: en, !!\n", 3, "'!!' is not an RFC 5646 language tag")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 2027-01-01T00:00:00Z\nthis is not a field\n", 3, "is not a field")]
    [InlineData("Contact: mailto:https//example.org/security\nExpires: 2027-01-01T00:00:00Z\n", 1, "is not mailto: followed by one e-mail address")]
    [InlineData("Contact: mailto:\nExpires: 2027-01-01T00:00:00Z\n", 1, "is not mailto: followed by one e-mail address")]
    [InlineData("Contact: mailto:a@b@example.org\nExpires: 2027-01-01T00:00:00Z\n", 1, "is not mailto: followed by one e-mail address")]
    [InlineData("Contact: tel:call-us\nExpires: 2027-01-01T00:00:00Z\n", 1, "is not tel: followed by a telephone number")]
    [InlineData("Contact: mailto:a@example.org\nExpires: 2027-01-01T00:00:00Z\nContact:no-space\n", 3, "is not a field")]
    public void Validate_Broken_ReportsErrorAtLine(string text, int line, string message)
    {
        var issue = Assert.Single(SecurityTxtValidator.Validate(text, Now), i => i.IsError);
        Assert.Equal(line, issue.Line);
        Assert.Contains(message, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownFieldAndFarExpiry_AreWarningsOnly()
    {
        var issues = SecurityTxtValidator.Validate("Contact: tel:+1-201-555-0123\nExpires: 2030-01-01T00:00:00Z\nX-Mood: calm\n# comment\n", Now);
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.False(i.IsError));
    }

    [Fact]
    public void Validate_SignedFile_IsUnwrapped()
    {
        var signed = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + Sample.Format() + "-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n";
        var issues = SecurityTxtValidator.Validate(signed, Now);
        Assert.DoesNotContain(issues, i => i.IsError);
        Assert.Contains(issues, i => i.Message.Contains("not verified", StringComparison.Ordinal));
    }

    [Fact]
    public void Cli_Validate_ExitsOneWithLocatedMessages()
    {
        File.WriteAllText(_file, "Contact: http://example.org\nExpires: 2027-01-01T00:00:00Z\n");
        var (exit, _, error) = CliHarness.Run(["securitytxt", "validate", _file], now: Now);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains($"{_file}: line 1: error: Contact must be an https URI", error, StringComparison.Ordinal);

        File.WriteAllText(_file, Sample.Format());
        var (okExit, ok, _) = CliHarness.Run(["securitytxt", "validate", _file], now: Now);
        Assert.Equal(ExitCodes.Ok, okExit);
        Assert.Contains($"{_file}: ok", ok, StringComparison.Ordinal);
    }
}
