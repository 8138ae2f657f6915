using System.CommandLine;
using System.Globalization;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Cli.Db;

/// <summary>`firebreak db import` and `firebreak db info`: the offline advisory index `scan --db` reads.</summary>
internal static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("db", "Build and inspect the offline advisory index (OSV, RustSec, KEV) that scan --db reads");
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Info(context));
        return command;
    }

    private static Option<string?> DbOption() =>
        new("--db") { Description = "The index file (default $FIREBREAK_DB, else ~/.local/share/firebreak/advisories.fbx)" };

    private static Command Import(CliContext context)
    {
        var osv = new Option<string[]>("--osv") { Description = "OSV records: a JSON file, a folder of them, or an osv.dev ecosystem .zip (repeatable)", AllowMultipleArgumentsPerToken = true };
        var rustsec = new Option<string?>("--rustsec") { Description = "A RustSec advisory-db folder" };
        var kev = new Option<string?>("--kev") { Description = "CISA KEV catalog JSON" };
        var db = DbOption();
        var command = new Command("import", "Import feeds into the index; importing a source again replaces only that source's records") { osv, rustsec, kev, db };
        command.SetAction(parse =>
        {
            var osvPaths = parse.GetValue(osv) ?? [];
            var (rustsecPath, kevPath) = (parse.GetValue(rustsec), parse.GetValue(kev));
            if (osvPaths.Length == 0 && rustsecPath is null && kevPath is null)
            {
                context.Error.WriteLine("firebreak: give --osv, --rustsec and/or --kev to import.");
                return ExitCodes.Usage;
            }
            var missing = osvPaths.Append(rustsecPath).Append(kevPath).OfType<string>().FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null)
            {
                context.Error.WriteLine($"firebreak: '{missing}' does not exist.");
                return ExitCodes.Usage;
            }
            var path = AdvisoryDbFile.Resolve(parse.GetValue(db));
            var builder = new AdvisoryIndexBuilder();
            if (File.Exists(path))
            {
                if (AdvisoryDbFile.TryLoad(path, context.Error) is not { } existing) return ExitCodes.InvalidInput;
                builder = AdvisoryIndexBuilder.From(existing);
            }
            var now = context.Time.GetUtcNow();
            var skipped = 0;
            void Report(AdvisorySource source, AdvisoryImportSummary summary, List<AdvisoryFormatException> errors)
            {
                foreach (var error in errors) context.Error.WriteLine($"firebreak: skipped {error.Message}");
                skipped += errors.Count;
                var how = summary.Replaced ? $"replaced; {summary.KeptNewer} newer stored copies kept, {summary.Removed} removed" : "new";
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Kind(source.Kind)} {source.Location}: {summary.Records} records ({how})"));
            }
            try
            {
                foreach (var osvPath in osvPaths)
                {
                    var source = new AdvisorySource(AdvisorySourceKind.Osv, Path.GetFullPath(osvPath), now);
                    var (records, errors) = AdvisoryFeedReader.ReadOsv(osvPath, source);
                    Report(source, builder.Import(source, records), errors);
                }
                if (rustsecPath is not null)
                {
                    var source = new AdvisorySource(AdvisorySourceKind.RustSec, Path.GetFullPath(rustsecPath), now);
                    var (records, errors) = AdvisoryFeedReader.ReadRustSec(rustsecPath, source);
                    Report(source, builder.Import(source, records), errors);
                }
                if (kevPath is not null)
                {
                    var source = new AdvisorySource(AdvisorySourceKind.Kev, Path.GetFullPath(kevPath), now);
                    Report(source, builder.ImportKev(source, AdvisoryFeedReader.ReadKev(kevPath)), []);
                }
                AdvisoryDbFile.Save(builder, path);
            }
            catch (Exception e) when (e is AdvisoryFormatException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"firebreak: {e.Message}; the index was not changed.");
                return ExitCodes.InvalidInput;
            }
            context.Out.WriteLine($"wrote {path}: {builder.Sources.Count} sources");
            return skipped > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
        });
        return command;
    }

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

    private static string Kind(AdvisorySourceKind kind) => kind switch
    {
        AdvisorySourceKind.Osv => "osv",
        AdvisorySourceKind.RustSec => "rustsec",
        AdvisorySourceKind.Kev => "kev",
    };
}
