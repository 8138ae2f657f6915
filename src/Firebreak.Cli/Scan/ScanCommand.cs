using System.CommandLine;
using System.Text.Json;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Cli.Scan;

/// <summary>
/// `firebreak scan Cargo.lock… --rustsec DIR`: offline audit of Cargo lockfiles against a RustSec
/// database folder, for CI. Exit 6 when anything is found (unless --fail-on none).
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("lockfiles") { Description = "Cargo.lock files", Arity = ArgumentArity.OneOrMore };
        var rustsec = new Option<string>("--rustsec") { Description = "A RustSec advisory-db folder (crates/<name>/RUSTSEC-*.md)", Required = true };
        var kevFile = new Option<string?>("--kev") { Description = "CISA KEV catalog JSON: flag findings known to be exploited" };
        var json = new Option<bool>("--json") { Description = "JSON output" };
        var failOn = new Option<string>("--fail-on") { Description = "any (default), kev (only known-exploited) or none", DefaultValueFactory = _ => "any" };
        failOn.AcceptOnlyFromAmong("any", "kev", "none");
        var command = new Command("scan", "Audit Cargo.lock files against RustSec advisories and the KEV catalog (offline)") { files, rustsec, kevFile, json, failOn };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(rustsec)!;
            if (!Directory.Exists(folder))
            {
                context.Error.WriteLine($"firebreak: --rustsec '{folder}' is not a folder.");
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
            var (advisories, errors) = CargoAudit.LoadDatabase(folder);
            foreach (var error in errors) context.Error.WriteLine($"firebreak: skipped advisory {error.Message}");
            var findings = new List<(string File, CargoFinding Finding)>();
            var unreadable = false;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var lockfile = CargoLock.Parse(File.ReadAllText(file), file);
                    findings.AddRange(CargoAudit.Scan(lockfile, advisories, kev).Select(f => (file, f)));
                }
                catch (Exception e) when (e is LockfileFormatException or IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"firebreak: {e.Message}");
                    unreadable = true;
                }
            }
            Print(context, findings, parse.GetValue(json), advisories.Count);
            if (unreadable) return ExitCodes.InvalidInput;
            var failing = parse.GetValue(failOn) switch
            {
                "any" => findings.Count > 0,
                "kev" => findings.Any(f => f.Finding.Kev is not null),
                _ => false,
            };
            return failing ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliContext context, List<(string File, CargoFinding Finding)> findings, bool json, int advisoryCount)
    {
        static string Path(CargoFinding f) => f.Paths.Count == 0 ? "" : string.Join(" → ", f.Paths[0].Select(p => $"{p.Name} {p.Version}"));
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(findings.Select(x => new
            {
                file = x.File, crate = x.Finding.Package.Name, version = x.Finding.Package.Version, purl = x.Finding.Package.Purl.ToString(),
                advisory = x.Finding.Advisory.Id, aliases = x.Finding.Advisory.Aliases, title = x.Finding.Advisory.Title,
                cvss = x.Finding.Advisory.Cvss, fixedVersion = x.Finding.FixedVersion?.ToString(),
                kev = x.Finding.Kev is { } k ? new { cve = k.CveId, dueDate = k.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ransomware = k.KnownRansomwareCampaignUse } : null,
                paths = x.Finding.Paths.Select(p => p.Select(c => $"{c.Name} {c.Version}")),
            })));
            return;
        }
        context.Out.WriteLine($"{findings.Count} finding(s) against {advisoryCount} RustSec advisories");
        foreach (var (file, f) in findings)
        {
            context.Out.WriteLine($"{file}: {f.Package.Name} {f.Package.Version}  {f.Advisory.Id} {string.Join(" ", f.Advisory.Aliases)}  fix: {f.FixedVersion?.ToString() ?? "none"}");
            context.Out.WriteLine($"    {f.Advisory.Title}");
            if (f.Kev is { } k) context.Out.WriteLine($"    KNOWN EXPLOITED: {k.CveId} in CISA KEV since {k.DateAdded:yyyy-MM-dd}, due {k.DueDate:yyyy-MM-dd}, ransomware use: {k.KnownRansomwareCampaignUse}");
            if (f.Paths.Count > 0) context.Out.WriteLine($"    pulled in by: {Path(f)}");
        }
    }
}
