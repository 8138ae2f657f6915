using System.CommandLine;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Cli.Scan;

/// <summary>
/// `firebreak scan Cargo.lock… --rustsec DIR`: offline audit of lockfiles and SBOMs against RustSec and OSV,
/// for CI. VEX statements suppress findings; exit 6 when an unsuppressed finding reaches --fail-on.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("lockfiles") { Description = "Cargo.lock, package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, packages.lock.json, poetry.lock, requirements*.txt, go.mod, Gemfile.lock, CycloneDX or SPDX JSON files", Arity = ArgumentArity.ZeroOrMore };
        var rustsec = new Option<string?>("--rustsec") { Description = "A RustSec advisory-db folder (crates/<name>/RUSTSEC-*.md)" };
        var osv = new Option<string?>("--osv") { Description = "OSV records: a JSON file or a folder of them" };
        var db = new Option<string?>("--db") { Description = "An advisory index built by `firebreak db import`, instead of --rustsec and --osv" };
        var purls = new Option<string?>("--purls") { Description = "A file of package URLs to check, one per line" };
        var kevFile = new Option<string?>("--kev") { Description = "CISA KEV catalog JSON: flag findings known to be exploited" };
        var vex = new Option<string?>("--vex") { Description = "OpenVEX documents: a JSON file or a folder of them; not_affected/fixed statements suppress findings" };
        var format = new Option<string?>("--format") { Description = "Output: table (default), json, sarif, markdown or cyclonedx-vex" };
        format.AcceptOnlyFromAmong(ScanReport.Formats);
        var json = new Option<bool>("--json") { Description = "Same as --format json" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 6 on: any (default), kev, critical, high (CVSS; KEV counts as critical) or none", DefaultValueFactory = _ => "any" };
        failOn.AcceptOnlyFromAmong(ScanGate.Levels);
        var ignore = new Option<string?>("--ignore") { Description = "An ignore file: one advisory id per line, optionally `until YYYY-MM-DD` and `# reason`; expired ignores no longer apply" };
        var upload = new Option<string?>("--upload") { Description = "Also register the scanned files with this project on the server (`firebreak login` first), to be re-checked daily" };
        var notShipped = new Option<bool>("--not-shipped") { Description = "With --upload: the files are not on the release path (findings are recorded, no incident opens)" };
        var command = new Command("scan", "Audit lockfiles and SBOMs against RustSec, OSV and the KEV catalog (offline)") { files, rustsec, osv, db, purls, kevFile, vex, ignore, format, json, failOn, upload, notShipped };
        Func<ParseResult, int> scan = parse =>
        {
            var folder = parse.GetValue(rustsec);
            if (folder is not null && !Directory.Exists(folder))
            {
                context.Error.WriteLine($"firebreak: --rustsec '{folder}' is not a folder.");
                return ExitCodes.Usage;
            }
            var dbPath = parse.GetValue(db);
            if (folder is null && parse.GetValue(osv) is null && dbPath is null)
            {
                context.Error.WriteLine("firebreak: give --db, or --rustsec and/or --osv, as the advisory source.");
                return ExitCodes.Usage;
            }
            if (dbPath is not null && (folder is not null || parse.GetValue(osv) is not null))
            {
                context.Error.WriteLine("firebreak: --db replaces --rustsec and --osv; give one or the other.");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(json) && parse.GetValue(format) is { } chosen && chosen != "json")
            {
                context.Error.WriteLine($"firebreak: --json means --format json; it contradicts --format {chosen}.");
                return ExitCodes.Usage;
            }
            KevCatalog? kev = null;
            if (parse.GetValue(kevFile) is { } kevPath)
            {
                try
                {
                    kev = KevCatalog.Parse(File.ReadAllText(kevPath), kevPath);
                }
                catch (Exception e) when (e is AdvisoryFormatException or IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"firebreak: {e.Message}");
                    return ExitCodes.InvalidInput;
                }
            }
            var index = dbPath is null ? null : Db.AdvisoryDbFile.TryLoad(dbPath, context.Error);
            if (dbPath is not null && index is null) return ExitCodes.InvalidInput;
            kev ??= index?.Kev;
            var (advisories, errors) = index is not null ? (index.RustSecAdvisories(), []) : folder is null ? ([], []) : CargoAudit.LoadDatabase(folder);
            foreach (var error in errors) context.Error.WriteLine($"firebreak: skipped advisory {error.Message}");
            var matcher = index?.CreateMatcher(includeRustSec: false, kev)
                ?? (parse.GetValue(osv) is { } osvPath ? new OsvMatcher(ScanSources.ReadOsv(osvPath, context.Error), kev) : null);
            var scanner = new DependencyScanner(advisories, matcher, kev);
            var scanned = new List<ScanFinding>();
            var unreadable = false;
            if (parse.GetValue(purls) is { } purlFile)
            {
                try
                {
                    var list = ScanSources.ReadPurls(purlFile, context.Error, out var bad);
                    unreadable |= bad;
                    if (matcher is not null) scanned.AddRange(matcher.Match(list).Select(f => ScanFinding.FromOsv(purlFile, f)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"firebreak: {e.Message}");
                    unreadable = true;
                }
            }
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var result = scanner.Scan(file, File.ReadAllText(file));
                    foreach (var note in result.Notes) context.Error.WriteLine($"firebreak: {note}");
                    scanned.AddRange(result.Findings);
                }
                catch (Exception e) when (e is LockfileFormatException or IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"firebreak: {e.Message}");
                    unreadable = true;
                }
            }
            var badVex = false;
            var statements = parse.GetValue(vex) is { } vexPath ? ScanSources.ReadVex(vexPath, context.Error, out badVex) : [];
            unreadable |= badVex;
            // Cargo findings first, then OSV ones, as the report has always listed them.
            IReadOnlyList<ScanFinding> all = [.. scanned.Where(f => f.Database == AdvisoryDatabase.RustSec), .. scanned.Where(f => f.Database != AdvisoryDatabase.RustSec)];
            all = VexMatcher.Apply(all, statements);
            if (parse.GetValue(ignore) is { } ignorePath)
            {
                try
                {
                    var (ignoredAll, expired) = IgnoreList.Apply(all, IgnoreList.Parse(File.ReadAllText(ignorePath), ignorePath), DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime));
                    all = ignoredAll;
                    foreach (var gone in expired)
                        context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"firebreak: {ignorePath}:{gone.Line}: the ignore for {gone.Id} expired on {gone.Until:yyyy-MM-dd}; it counts again."));
                }
                catch (Exception e) when (e is AdvisoryFormatException or IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"firebreak: {e.Message}");
                    unreadable = true;
                }
            }
            ScanReport.Write(context.Out, parse.GetValue(format) ?? (parse.GetValue(json) ? "json" : "table"), all, context.Time.GetUtcNow());
            if (unreadable) return ExitCodes.InvalidInput;
            return ScanGate.Fails(parse.GetValue(failOn)!, all) ? ExitCodes.Findings : ExitCodes.Ok;
        };
        command.SetAction(async (parse, ct) =>
        {
            var exit = scan(parse);
            if (parse.GetValue(upload) is not { } slug || exit is not (ExitCodes.Ok or ExitCodes.Findings)) return exit;
            var uploaded = await ScanUpload.RunAsync(context, slug, parse.GetValue(files)!, !parse.GetValue(notShipped), ct);
            return uploaded == ExitCodes.Ok ? exit : uploaded;
        });
        return command;
    }
}
