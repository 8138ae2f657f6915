using Firebreak.Domain.Playbooks;

namespace Firebreak.Web.Infrastructure.Playbooks;

/// <summary>
/// The playbooks this server runs: the built-ins plus any custom ones in the folder named by
/// <c>Playbooks:Folder</c> (default ./playbooks, if present). Invalid custom files are not loaded;
/// their errors (file, line, column) are logged and shown to administrators.
/// </summary>
internal sealed partial class PlaybookLibrary
{
    public PlaybookLibrary(IConfiguration configuration, ILogger<PlaybookLibrary> logger)
    {
        var folder = configuration["Playbooks:Folder"] ?? Path.Combine(Directory.GetCurrentDirectory(), "playbooks");
        var builtIns = PlaybookCatalog.BuiltIn();
        if (!Directory.Exists(folder))
        {
            Catalog = builtIns;
            Errors = [];
            return;
        }
        var result = PlaybookCatalog.Load(builtIns.All, folder);
        Catalog = result.Catalog;
        Errors = result.Errors;
        foreach (var error in Errors)
        {
            NotLoaded(logger, error.Source, error.Line, error.Column, error.Message);
        }
    }

    public PlaybookCatalog Catalog { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Playbook not loaded: {Source}:{Line}:{Column}: {Error}")]
    private static partial void NotLoaded(ILogger logger, string source, int line, int column, string error);

    public IReadOnlyList<PlaybookError> Errors { get; }
}

internal static class PlaybookLibrarySetup
{
    public static WebApplicationBuilder AddPlaybookLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlaybookLibrary>();
        return builder;
    }
}
