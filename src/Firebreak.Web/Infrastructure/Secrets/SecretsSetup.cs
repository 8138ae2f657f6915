using Firebreak.Web.Data.Sealing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Firebreak.Web.Infrastructure.Secrets;

internal static class SecretsSetup
{
    /// <summary>
    /// Data Protection with its key ring in the database (<see cref="DatabaseKeyRing"/>), so that every server on
    /// the database accepts what another made; each key sealed under the data key. The key files an earlier version
    /// kept in <c>keys/data-protection</c> of the data directory are taken in once. And <see cref="StoredSecrets"/> on top of it.
    /// </summary>
    public static WebApplicationBuilder AddFirebreakSecrets(this WebApplicationBuilder builder)
    {
        var legacy = Path.Combine(DataDirectory.Resolve(builder.Configuration), "keys", "data-protection");
        builder.Services.AddDataProtection().SetApplicationName("Firebreak");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataKeyRing, IServiceScopeFactory, TimeProvider>((o, ring, scopes, time) =>
        {
            o.XmlEncryptor = new SealedKeyRingEncryptor(ring);
            o.XmlRepository = new DatabaseKeyRing(scopes, time, legacy);
        });
        builder.Services.AddSingleton<StoredSecrets>();
        return builder;
    }
}
