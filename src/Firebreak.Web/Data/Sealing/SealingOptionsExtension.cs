using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// Carries the server's <see cref="DataKeyRing"/> to the context that builds the model. EF caches a
/// model per context type; converters hold a ring, so the cache key includes the ring
/// (<see cref="SealedModelCacheKeyFactory"/>): servers in one process (the tests) each get their own model.
/// </summary>
internal sealed class SealingOptionsExtension(DataKeyRing ring) : IDbContextOptionsExtension
{
    public DataKeyRing Ring { get; } = ring;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "Sealing ";

        // One internal service provider serves every ring: the model cache tells them apart.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Firebreak:Sealing"] = "1";
    }
}

internal sealed class SealedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.GetService<IDbContextOptions>().FindExtension<SealingOptionsExtension>()?.Ring, designTime);
}

internal static class SealingOptions
{
    /// <summary>Seals the marked columns with this ring.</summary>
    public static DbContextOptionsBuilder UseSealing(this DbContextOptionsBuilder options, DataKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new SealingOptionsExtension(ring));
        return options;
    }

    /// <summary>The ring given to this context, if any.</summary>
    public static DataKeyRing? SealingRing(this DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<SealingOptionsExtension>()?.Ring;
}
