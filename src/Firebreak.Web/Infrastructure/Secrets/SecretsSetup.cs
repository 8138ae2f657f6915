using Firebreak.Web.Data.Sealing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Firebreak.Web.Infrastructure.Secrets;

internal static class SecretsSetup
{
    /// <summary>
    /// Data Protection with its key ring in <c>keys/data-protection</c> of the data directory (before this,
    /// the framework's default: a folder in the user's profile, or memory only), each key file sealed
    /// under the data key; and <see cref="StoredSecrets"/> on top of it.
    /// </summary>
    public static WebApplicationBuilder AddFirebreakSecrets(this WebApplicationBuilder builder)
    {
        var folder = Path.Combine(DataDirectory.Resolve(builder.Configuration), "keys", "data-protection");
        builder.Services.AddDataProtection().SetApplicationName("Firebreak").PersistKeysToFileSystem(new DirectoryInfo(folder));
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataKeyRing>((o, ring) => o.XmlEncryptor = new SealedKeyRingEncryptor(ring));
        builder.Services.AddSingleton<StoredSecrets>();
        return builder;
    }
}
