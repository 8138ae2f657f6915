namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// Where the server keeps its files: the SQLite database, the key-encryption key and the Data
/// Protection key ring. <c>Firebreak:DataDirectory</c>, by default <c>./data</c> under the
/// directory the server was started from.
/// </summary>
internal static class DataDirectory
{
    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var folder = Path.GetFullPath(configuration["Firebreak:DataDirectory"] is { Length: > 0 } path ? path : Path.Combine(Directory.GetCurrentDirectory(), "data"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
