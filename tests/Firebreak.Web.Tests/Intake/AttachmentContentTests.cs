using System.Text;
using Firebreak.Domain.Common;
using Firebreak.Web.Features.Intake.Attachments;

namespace Firebreak.Web.Tests.Intake;

/// <summary>The content detector and the name sanitiser, table-driven (no server needed).</summary>
public sealed class AttachmentContentTests
{
    public static TheoryData<string, byte[], string?> Contents => new()
    {
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], "png" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "jpeg" },
        { "gif87", "GIF87a\u0001\u0000"u8.ToArray(), "gif" },
        { "gif89", "GIF89a\u0001\u0000"u8.ToArray(), "gif" },
        { "pdf", "%PDF-1.7\n%\u00e2\u00e3"u8.ToArray(), "pdf" },
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0], "zip" },
        { "empty zip", [0x50, 0x4B, 0x05, 0x06, 0, 0], "zip" },
        { "json object", "\uFEFF  {\"a\": [1, 2]}\n"u8.ToArray(), "json" },
        { "json array", "[1, 2]"u8.ToArray(), "json" },
        { "not quite json", "{ this is a log line }"u8.ToArray(), "text" },
        { "log with colours", "\u001b[31mERROR\u001b[0m wipe failed\r\n\tat Wipe()"u8.ToArray(), "text" },
        { "syslog", "<13>Nov 24 09:00:00 host wipe: key kept"u8.ToArray(), "text" },
        { "text mentioning a tag", "the page shows <script> unescaped"u8.ToArray(), "text" },
        { "unicode text", "Schlüssel bleibt liegen — 鍵"u8.ToArray(), "text" },
        { "html", "<!doctype html><p>x"u8.ToArray(), null },
        { "html after blanks", "\n\n   <html>"u8.ToArray(), null },
        { "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), null },
        { "xml", "<?xml version=\"1.0\"?><a/>"u8.ToArray(), null },
        { "html comment", "<!-- x --><b>"u8.ToArray(), null },
        { "elf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], null },
        { "utf-16", Encoding.Unicode.GetBytes("\uFEFFhello"), null },
        { "invalid utf-8", [0x68, 0x69, 0xC3, 0x28], null },
        { "nul in text", "abc\u0000def"u8.ToArray(), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void Detect_DecidesByContent(string what, byte[] content, string? expected)
    {
        Assert.True(expected == AttachmentContent.Detect(content, out var refusal)?.ToWire(), what);
        Assert.Equal(expected is null, refusal.Length > 0);
    }

    [Theory]
    [InlineData("/home/me/proof.log", "proof.log")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("tab\there.log", "tabhere.log")]
    [InlineData("  .hidden.  ", "hidden")]
    [InlineData("", "attachment")]
    [InlineData(null, "attachment")]
    [InlineData("e\u0301.txt", "\u00e9.txt")]
    public void SafeName_RemovesPathsControlsAndSpecials(string? sent, string kept) =>
        Assert.Equal(kept, AttachmentContent.SafeName(sent));

    [Fact]
    public void SafeName_LongNameWithSurrogatePairs_IsCutWithoutSplittingOne()
    {
        var name = AttachmentContent.SafeName(string.Concat(Enumerable.Repeat("😀", 80)) + ".png");
        Assert.True(name.Length <= AttachmentContent.MaxNameLength);
        Assert.EndsWith(".png", name, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(name[^5]));
        Assert.Equal(name, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)));
    }
}
