using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Firebreak.Web.Data.Sealing;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Firebreak.Web.Infrastructure.Secrets;

/// <summary>
/// Seals each Data Protection key file with a key derived from the data key (so under the key-encryption
/// key): the key ring's files in the data directory reveal nothing without the database and the KEK.
/// </summary>
internal sealed class SealedKeyRingEncryptor(DataKeyRing ring) : IXmlEncryptor
{
    public const string Context = "data-protection-key-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedKey = ring.Seal(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), Context);
        return new EncryptedXmlInfo(new XElement("sealedKey", Convert.ToBase64String(sealedKey)), typeof(SealedKeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="SealedKeyRingEncryptor"/> sealed; Data Protection makes it with the server's services.</summary>
internal sealed class SealedKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var plain = services.GetRequiredService<DataKeyRing>().Open(Convert.FromBase64String(encryptedElement.Value), SealedKeyRingEncryptor.Context)
            ?? throw new CryptographicException("A Data Protection key file failed its integrity check: it was changed, or sealed under another data key.");
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
