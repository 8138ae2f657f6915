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
        var files = new Argument<string[]>("lockfiles") { Description = "Cargo.lock, package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, packages.lock.json, poetry.lock, requirements*.txt, go.mod, Gemfile.lock, CycloneDX or SPDX JSON files", Arity = ArgumentArity.ZeroOrMore };
        var rustsec = new Option<string?>("--rustsec") { Description = "A RustSec advisory-db folder (crates/<name>/RUSTSEC-*.md)" };
        var osv = new Option<string?>("--osv") { Description = "OSV records: a JSON file or a folder of them" };
        var purls = new Option<string?>("--purls") { Description = "A file of package URLs to check, one per line" };
        var kevFile = new Option<string?>("--kev") { Description = "CISA KEV catalog JSON: flag findings known to be exploited" };
        var json = new Option<bool>("--json") { Description = "JSON output" };
        var failOn = new Option<string>("--fail-on") { Description = "any (default), kev (only known-exploited) or none", DefaultValueFactory = _ => "any" };
        failOn.AcceptOnlyFromAmong("any", "kev", "none");
        var command = new Command("scan", "Audit Cargo.lock files against RustSec advisories and the KEV catalog (offline)") { files, rustsec, osv, purls, kevFile, json, failOn };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(rustsec);
            if (folder is not null && !Directory.Exists(folder))
            {
                context.Error.WriteLine($"firebreak: --rustsec '{folder}' is not a folder.");
                return ExitCodes.Usage;
            }
            if (folder is null && parse.GetValue(osv) is null)
            {
                context.Error.WriteLine("firebreak: give --rustsec and/or --osv as the advisory source.");
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
            var (advisories, errors) = folder is null ? ([], []) : CargoAudit.LoadDatabase(folder);
            foreach (var error in errors) context.Error.WriteLine($"firebreak: skipped advisory {error.Message}");
            var matcher = parse.GetValue(osv) is { } osvPath ? new OsvMatcher(ScanSources.ReadOsv(osvPath, context.Error), kev) : null;
            var findings = new List<(string File, CargoFinding Finding)>();
            var osvFindings = new List<(string File, OsvFinding Finding)>();
            var unreadable = false;
            if (parse.GetValue(purls) is { } purlFile)
            {
                try
                {
                    var list = ScanSources.ReadPurls(purlFile, context.Error, out var bad);
                    unreadable |= bad;
                    if (matcher is not null) osvFindings.AddRange(matcher.Match(list).Select(f => (purlFile, f)));
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
                    var text = File.ReadAllText(file);
                    if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && SbomReader.LooksLikeSbom(text))
                    {
                        var sbom = SbomReader.Read(text, file, out var skipped);
                        if (skipped > 0) context.Error.WriteLine($"firebreak: {file}: {skipped} component(s) without a package URL were not checked.");
                        if (matcher is not null) osvFindings.AddRange(matcher.Match(sbom.Select(c => c.Purl)).Select(f => (file, f)));
                        continue;
                    }
                    if (Lockfile.TryDetect(file, out var format))
                    {
                        var contents = Lockfile.Read(format, text, file);
                        foreach (var skip in contents.Skipped) context.Error.WriteLine($"firebreak: {file}:{skip.Line}: '{skip.Entry}' not checked: {skip.Reason}.");
                        if (matcher is not null) osvFindings.AddRange(matcher.Match(contents.Components.Select(c => c.Purl)).Select(f => (file, f)));
                        continue;
                    }
                    var lockfile = CargoLock.Parse(text, file);
                    findings.AddRange(CargoAudit.Scan(lockfile, advisories, kev).Select(f => (file, f)));
                    if (matcher is not null) osvFindings.AddRange(matcher.Match(lockfile.Packages.Where(p => p.FromCratesIo).Select(p => p.Purl)).Select(f => (file, f)));
                }
                catch (Exception e) when (e is LockfileFormatException or IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"firebreak: {e.Message}");
                    unreadable = true;
                }
            }
            Print(context, findings, parse.GetValue(json), advisories.Count);
            PrintOsv(context, osvFindings, parse.GetValue(json));
            if (unreadable) return ExitCodes.InvalidInput;
            var failing = parse.GetValue(failOn) switch
            {
                "any" => findings.Count + osvFindings.Count > 0,
                "kev" => findings.Any(f => f.Finding.Kev is not null) || osvFindings.Any(f => f.Finding.Kev is not null),
                _ => false,
            };
            return failing ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintOsv(CliContext context, List<(string File, OsvFinding Finding)> findings, bool json)
    {
        if (findings.Count == 0) return;
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(findings.Select(x => new
            {
                file = x.File, purl = x.Finding.Component.ToString(), advisory = x.Finding.Advisory.Id, aliases = x.Finding.Advisory.Aliases,
                summary = x.Finding.Advisory.Summary, fixedVersion = x.Finding.FixedVersion, kev = x.Finding.Kev?.CveId,
            })));
            return;
        }
        context.Out.WriteLine($"{findings.Count} OSV finding(s)");
        foreach (var (file, f) in findings)
        {
            context.Out.WriteLine($"{file}: {f.Component}  {f.Advisory.Id} {string.Join(" ", f.Advisory.Aliases)}  fix: {f.FixedVersion ?? "none"}{(f.Kev is { } k ? $"  KNOWN EXPLOITED ({k.CveId}, due {k.DueDate:yyyy-MM-dd})" : "")}");
            if (f.Advisory.Summary.Length > 0) context.Out.WriteLine($"    {f.Advisory.Summary}");
        }
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
