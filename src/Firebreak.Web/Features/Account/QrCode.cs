using QRCoder;

namespace Firebreak.Web.Features.Account;

/// <summary>QR codes for the pages: a text drawn as a PNG data URI, error correction M, 8 pixels a module.</summary>
internal static class QrCode
{
    public static string PngDataUri(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
