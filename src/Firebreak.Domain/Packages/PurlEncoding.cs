using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Percent-encoding as the purl specification defines it: UTF-8 octets are encoded except the
/// alphanumerics, the punctuation <c>.-_~</c> and the colon, which always stay literal.
/// </summary>
internal static class PurlEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Decodes percent triplets; returns false with an error when a '%' is not followed by two hex
    /// digits or the octets are not valid UTF-8. <paramref name="offset"/> locates errors in the input.
    /// </summary>
    public static bool TryDecode(string value, int offset, string component,
        [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? error)
    {
        error = null;
        decoded = value;
        if (!value.Contains('%', StringComparison.Ordinal)) return true;
        decoded = null;
        var bytes = new List<byte>(value.Length);
        var utf8 = new UTF8Encoding(false, true);
        try
        {
            var runStart = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] != '%') continue;
                bytes.AddRange(utf8.GetBytes(value[runStart..i]));
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    error = $"Invalid percent-encoding in {component} at position {offset + i}.";
                    return false;
                }
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
                runStart = i + 1;
            }
            bytes.AddRange(utf8.GetBytes(value[runStart..]));
            decoded = utf8.GetString(bytes.ToArray());
            return true;
        }
        catch (ArgumentException)
        {
            // Encoder and decoder fallback exceptions: lone surrogates or octets that are not UTF-8.
            error = $"Percent-decoded {component} at position {offset} is not valid UTF-8.";
            return false;
        }
    }
}
