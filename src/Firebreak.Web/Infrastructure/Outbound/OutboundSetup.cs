namespace Firebreak.Web.Infrastructure.Outbound;

internal static class OutboundSetup
{
    /// <summary>The one hardened outbound HTTP client (<c>Outbound:*</c>), its connect-time guard and the system resolver.</summary>
    public static WebApplicationBuilder AddFirebreakOutbound(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<OutboundOptions>(builder.Configuration.GetSection("Outbound"));
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<DestinationGuard>();
        services.AddSingleton<OutboundClient>();
        return builder;
    }
}
