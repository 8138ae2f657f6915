using System.CommandLine;
using System.Globalization;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Cli.Db;

/// <summary>`firebreak db import` and `firebreak db info`: the offline advisory index `scan --db` reads.</summary>
internal static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("db", "Build and inspect the offline advisory index (OSV, RustSec, KEV) that scan --db reads");
        command.Subcommands.Add(DbImportCommand.Create(context, DbOption()));
        command.Subcommands.Add(Info(context));
        return command;
    }

    private static Option<string?> DbOption() =>
        new("--db") { Description = "The index file (default $FIREBREAK_DB, else ~/.local/share/firebreak/advisories.fbx)" };

    private static Command Info(CliContext context)
    {
        var db = DbOption();
        var command = new Command("info", "Show the index's sources: kind, location, retrieval time, record counts per ecosystem") { db };
        command.SetAction(parse =>
        {
            var path = AdvisoryDbFile.Resolve(parse.GetValue(db));
            if (AdvisoryDbFile.TryLoad(path, context.Error) is not { } index) return ExitCodes.InvalidInput;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {index.RecordCount} records, {index.Kev?.Entries.Count ?? 0} KEV entries, {index.Sources.Count} sources"));
            for (var i = 0; i < index.Sources.Count; i++)
            {
                var source = index.Sources[i];
                var version = source.CatalogVersion.Length > 0 ? $", catalog {source.CatalogVersion}" : "";
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Kind(source.Kind)} {source.Location}\n  retrieved {source.RetrievedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}{version}\n  {index.SourceRecordCounts[i]} records"));
                foreach (var (ecosystem, count) in index.EcosystemCounts[i]) context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {ecosystem}: {count}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The kind as the CLI prints it.</summary>
    public static string Kind(AdvisorySourceKind kind) => kind switch
    {
        AdvisorySourceKind.Osv => "osv",
        AdvisorySourceKind.RustSec => "rustsec",
        AdvisorySourceKind.Kev => "kev",
    };
}
