namespace Firebreak.Web.Infrastructure.Web;

/// <summary>How the host finds its files, wherever an operator starts it from.</summary>
internal static class FirebreakHost
{
    /// <summary>
    /// A published build carries its web assets (<c>wwwroot</c>) and <c>appsettings.json</c> beside its
    /// assembly, and an operator starts it from anywhere (a data folder, a service's working
    /// directory): the content root is then the build's own folder, not the current directory. The data
    /// directory stays relative to where it is started (<c>Firebreak:DataDirectory</c>, default
    /// <c>./data</c>). A content root given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>,
    /// <c>DOTNET_CONTENTROOT</c>) wins; a build run from the source tree (<c>dotnet run</c>, the tests)
    /// has no <c>wwwroot</c> beside its assembly and keeps the framework's default.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var appFolder = AppContext.BaseDirectory;
        var published = Directory.Exists(Path.Combine(appFolder, "wwwroot"));
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return new WebApplicationOptions { Args = args, ContentRootPath = published && !given ? appFolder : null };
    }
}
